using BlueGreen.Kubernetes.Access;

namespace BlueGreen.Kubernetes.Tests.Access;

public sealed class KubeconfigClientFactoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AMissingFile_SaysHowToWriteIt()
    {
        var error = Assert.Throws<KubeconfigException>(() => new KubeconfigClientFactory(Path.Combine(_dir, "config")).Create("test-green"));

        Assert.Contains("aws eks update-kubeconfig --name <cluster> --alias test-green", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingContext_NamesIt()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: test-blue
              cluster:
                server: https://127.0.0.1:6443
            users:
            - name: test-blue
              user:
                token: abc
            contexts:
            - name: test-blue
              context:
                cluster: test-blue
                user: test-blue
            current-context: test-blue
            """);

        var error = Assert.Throws<KubeconfigException>(() => new KubeconfigClientFactory(path).Create("test-green"));

        Assert.Contains("no usable context 'test-green'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExistingContext_MakesAClientForItsServer()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: test-green
              cluster:
                server: https://127.0.0.1:6443
            users:
            - name: test-green
              user:
                token: abc
            contexts:
            - name: test-green
              context:
                cluster: test-green
                user: test-green
            current-context: test-green
            """);

        using var client = new KubeconfigClientFactory(path).Create("test-green");

        Assert.Equal(new Uri("https://127.0.0.1:6443"), client.BaseUri);
    }

    [Fact]
    public void DefaultPath_TakesTheFirstKubeconfigFile()
    {
        var first = Path.Combine(_dir, "a");
        Assert.Equal(first, KubeconfigClientFactory.DefaultPath(name => name == "KUBECONFIG" ? first + Path.PathSeparator + Path.Combine(_dir, "b") : null));
    }
}
