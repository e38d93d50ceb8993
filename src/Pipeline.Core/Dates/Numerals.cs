namespace Pipeline.Dates;

internal enum NumeralStyle { Arabic, ChineseDigits, ChineseCounted }

/// <summary>A number as written: 2018, １９９８, 一九九八 (digit by digit), 二十三 (counted).</summary>
internal readonly record struct Numeral(int Value, int Length, NumeralStyle Style);

internal static class Numerals
{
    public static int Arabic(char c) =>
        c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static int ChineseDigit(char c) => c switch
    {
        '〇' or '○' or '零' or 'Ｏ' => 0,
        '一' => 1, '二' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        _ => -1,
    };

    public static bool IsChineseNumeral(char c) => c == '十' || ChineseDigit(c) >= 0;

    public static bool IsNumeral(char c) => Arabic(c) >= 0 || IsChineseNumeral(c);

    /// <summary>Reads the number starting at <paramref name="i"/>; one family of digits only.</summary>
    public static bool TryRead(string t, int i, out Numeral n)
    {
        n = default;
        if (i >= t.Length) return false;
        if (Arabic(t[i]) >= 0)
        {
            var wide = t[i] >= '０';
            int j = i, v = 0;
            while (j < t.Length && Arabic(t[j]) >= 0 && (t[j] >= '０') == wide)
            {
                if (j - i >= 6) return false;
                v = v * 10 + Arabic(t[j]);
                j++;
            }
            n = new Numeral(v, j - i, NumeralStyle.Arabic);
            return true;
        }
        var k = i;
        var counted = false;
        while (k < t.Length && IsChineseNumeral(t[k]))
        {
            if (k - i >= 4) return false;
            counted |= t[k] == '十';
            k++;
        }
        var len = k - i;
        if (len == 0) return false;
        if (!counted)
        {
            var v = 0;
            for (var j = i; j < k; j++) v = v * 10 + ChineseDigit(t[j]);
            n = new Numeral(v, len, NumeralStyle.ChineseDigits);
            return true;
        }
        // 十, 十X, X十, X十Y
        int tens, units;
        var tenAt = t.IndexOf('十', i, len) - i;
        if (t.IndexOf('十', i + tenAt + 1, len - tenAt - 1) >= 0) return false;
        if (tenAt == 0) tens = 1;
        else if (tenAt == 1 && ChineseDigit(t[i]) >= 1) tens = ChineseDigit(t[i]);
        else return false;
        var rest = len - tenAt - 1;
        if (rest == 0) units = 0;
        else if (rest == 1 && ChineseDigit(t[i + tenAt + 1]) >= 1) units = ChineseDigit(t[i + tenAt + 1]);
        else return false;
        n = new Numeral(tens * 10 + units, len, NumeralStyle.ChineseCounted);
        return true;
    }
}
