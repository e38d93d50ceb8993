namespace Pipeline.Model;

/// <summary>
/// The id of every rule and model that proposes or judges a candidate. The candidate classifier hashes the
/// id into its features (<c>CandidateFeatures</c>), so the ids are part of the shipped model's input:
/// renaming one changes what the model reads and calls for <c>pipeline train</c>. They are also the
/// <c>source</c> of <c>pipeline extract</c>'s output and of entities.json.
/// </summary>
public static class RuleIds
{
    public const string OrgGazetteer = "org:gazetteer";
    public const string OrgSubUnit = "org:subunit";
    public const string OrgChineseSuffix = "org:suffix";
    public const string OrgEnglishName = "org:english";
    public const string OrgAcronym = "org:acronym";
    public const string OrgDefinedAcronym = "org:defined-acronym";
    public const string OrgBareHead = "org:bare-head";
    /// <summary>An English organisation written again where nothing else claims its words (after the classifier, never its feature).</summary>
    public const string OrgRepeat = "org:repeat";

    public const string AgreementKnown = "agreements/known";
    public const string AgreementTyped = "agreements/typed";
    public const string AgreementBookTitle = "agreements/book-title";
    public const string AgreementEnglishTitle = "agreements/english-title";
    public const string AgreementShortName = "agreements/short-name";

    public const string ClassifierModel = "ml:classifier";
    public const string RecogniserModel = "ml:recogniser";

    /// <summary>The source of a candidate kept on a rule's word (no model, or the model agreed with a sure rule).</summary>
    public static string KeptByRule(string ruleId) => "rule:" + ruleId;
}

/// <summary>
/// How sure a rule says it is, in the few tiers the rules use. The classifier buckets this confidence into
/// its features (beside the rule id) and trusts a rule at <see cref="Sure"/> or above unless it vetoes, so
/// moving a tier changes the model's input: retrain after.
/// </summary>
public static class RuleConfidence
{
    /// <summary>Known by name (gazetteer, known instruments) or by an unmistakable form.</summary>
    public const double Strong = 0.9;
    /// <summary>A typed title or an organ named with its full suffix: the rule's word is kept.</summary>
    public const double Sure = 0.85;
    public const double Likely = 0.8;
    public const double Fair = 0.7;
    /// <summary>The rule's preferred reading of an ambiguous span.</summary>
    public const double Plausible = 0.6;
    public const double Doubtful = 0.4;
    /// <summary>An alternative reading the rule offers only for the classifier to weigh.</summary>
    public const double Unknown = 0.3;
}
