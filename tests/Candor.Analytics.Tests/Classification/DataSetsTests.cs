using Candor.Analytics.Classification;
using Candor.Analytics.Tests.Store;

namespace Candor.Analytics.Tests.Classification;

public sealed class DataSetsTests
{
    [Fact]
    public void The_repository_data_folder_is_found_from_the_test_binary() =>
        Assert.EndsWith(Path.Combine("data", "node_modules"), ClassificationData.Sets.Folder);

    [Fact]
    public void A_folder_without_the_data_says_to_run_npm_ci()
    {
        using var empty = new TempFolder();
        var error = Assert.Throws<DataSetsMissingException>(() => new DataSets(empty.Path));
        Assert.Contains("npm ci", error.Message);
        Assert.Contains(empty.Path, error.Message);
    }
}
