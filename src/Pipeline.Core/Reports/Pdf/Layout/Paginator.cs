namespace Pipeline.Reports.Pdf.Layout;

public sealed record PlacedSlice(Slice Slice, float Y);

/// <summary>Places measured slices on pages of a fixed content height, top to bottom.</summary>
public static class Paginator
{
    public static List<List<PlacedSlice>> Paginate(IReadOnlyList<Slice> slices, float top, float contentHeight)
    {
        var pages = new List<List<PlacedSlice>> { new() };
        var bottom = top + contentHeight;
        var y = top;
        var contentOnPage = false; // a repeated header alone does not count
        for (var i = 0; i < slices.Count; i++)
        {
            var slice = slices[i];
            if (!contentOnPage && slice.DiscardAtPageTop) continue;
            if (contentOnPage && y + KeptHeight(slices, i) > bottom)
            {
                pages.Add([]);
                y = top;
                contentOnPage = false;
                if (slice.DiscardAtPageTop) continue;
                if (slice.RepeatOnNewPage is { } header)
                {
                    pages[^1].Add(new PlacedSlice(header, y));
                    y += header.Height;
                }
            }
            pages[^1].Add(new PlacedSlice(slice, y));
            y += slice.Height;
            contentOnPage = true;
        }
        return pages;
    }

    /// <summary>Height of the slice plus the slices it must stay with (a heading and its first line).</summary>
    private static float KeptHeight(IReadOnlyList<Slice> slices, int i)
    {
        var height = slices[i].Height;
        while (slices[i].KeepWithNext && i + 1 < slices.Count)
            height += slices[++i].Height;
        return height;
    }
}
