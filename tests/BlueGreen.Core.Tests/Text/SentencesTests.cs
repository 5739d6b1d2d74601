using BlueGreen.Core.Text;

namespace BlueGreen.Core.Tests.Text;

public sealed class SentencesTests
{
    [Theory]
    [InlineData("blue has 0 of 2 healthy instances behind its load balancer.", "blue has 0 of 2 healthy instances behind its load balancer")]
    [InlineData("no stop", "no stop")]
    [InlineData("ends in an ellipsis...", "ends in an ellipsis...")]
    [InlineData("trailing space. ", "trailing space")]
    public void Clause_DropsOneFinalStopOnly(string message, string expected) => Assert.Equal(expected, Sentences.Clause(message));

    [Fact]
    public void List_JoinsProblemsAsClauses_WithoutDoubleStops()
    {
        Assert.Equal("a is down; b is slow", Sentences.List(["a is down.", "b is slow", ""]));
    }

    [Theory]
    [InlineData("Route53 answered 500 InternalError. Route53 said: internal", "It was retried 6 times.", "Route53 answered 500 InternalError. Route53 said: internal. It was retried 6 times.")]
    [InlineData("Done.", "Next", "Done. Next.")]
    [InlineData("Really?", "Yes!", "Really? Yes!")]
    [InlineData("(see the log)", "Then run again.", "(see the log) Then run again.")]
    public void Join_EndsEverySentenceOnce(string first, string second, string expected) => Assert.Equal(expected, Sentences.Join(first, second));
}
