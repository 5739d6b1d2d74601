using BlueGreen.Core.Configuration;
using BlueGreen.GitOps.Drift;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Rendering;

public class CommittedTreeTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static RenderedTree RenderRepositoryConfig() =>
        GitOpsRenderer.Render(ConfigLoader.LoadOrThrow(Path.Combine(Root, "bluegreen.yaml")));

    [Fact]
    public void Matches_WhatTheRepositorysConfigurationRenders()
    {
        var tree = RenderRepositoryConfig();

        var drift = DriftCheck.Compare(tree, Path.Combine(Root, tree.RootPath));

        Assert.True(drift.IsClean, $"deploy/ is out of date (run bluegreen gitops render): stale {string.Join(", ", drift.Stale)}; missing {string.Join(", ", drift.Missing)}; extra {string.Join(", ", drift.Extra)}");
    }

    [Fact]
    public void Equals_TheTestsDefaultConfiguration_SoEveryOtherTestRendersTheRealFile()
    {
        var fromFile = RenderRepositoryConfig().Files;
        var fromTests = Trees.Default().Files;

        var differing = fromFile.Select(f => f.Path).Union(fromTests.Select(f => f.Path))
            .Where(path => fromFile.FirstOrDefault(f => f.Path == path) != fromTests.FirstOrDefault(f => f.Path == path))
            .ToList();
        Assert.True(
            differing.Count == 0,
            $"bluegreen.yaml renders differently from tests/BlueGreen.GitOps.Tests/Support/DefaultConfig.cs in {string.Join(", ", differing)}; make DefaultConfig match the file.");
    }
}
