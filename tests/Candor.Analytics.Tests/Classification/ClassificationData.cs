using Candor.Analytics.Classification;

namespace Candor.Analytics.Tests.Classification;

/// <summary>
/// The pinned data sets, loaded once for the whole test run from the repository's <c>data/node_modules</c>
/// (found by walking up from the test binary). Without <c>npm ci</c> in data/ every classification test fails
/// with DataSets' message saying exactly that.
/// </summary>
internal static class ClassificationData
{
    private static readonly Lazy<DataSets> LazySets = new(() => DataSets.FindDefault(AppContext.BaseDirectory));
    private static readonly Lazy<EventClassifier> LazyClassifier = new(() => EventClassifier.Load(Sets));
    private static readonly Lazy<UserAgentClassifier> LazyAgents = new(() => UserAgentClassifier.Load(Sets.UserAgentRegexes));
    private static readonly Lazy<BotDetector> LazyBots = new(() => BotDetector.Load(Sets.CrawlerUserAgents));
    private static readonly Lazy<CountryLookup> LazyCountries = new(() => CountryLookup.Load(Sets.CountryDatabase));
    private static readonly Lazy<PublicSuffixList> LazySuffixes = new(() => PublicSuffixList.Load(Sets.PublicSuffixRules));

    public static DataSets Sets => LazySets.Value;
    public static EventClassifier Classifier => LazyClassifier.Value;
    public static UserAgentClassifier UserAgents => LazyAgents.Value;
    public static BotDetector Bots => LazyBots.Value;
    public static CountryLookup Countries => LazyCountries.Value;
    public static PublicSuffixList Suffixes => LazySuffixes.Value;
}
