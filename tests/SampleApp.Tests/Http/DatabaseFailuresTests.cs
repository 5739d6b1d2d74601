using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using SampleApp.Http;

namespace SampleApp.Tests.Http;

public sealed class DatabaseFailuresTests
{
    [Fact]
    public void MissingTable_IsNamed()
    {
        var error = new ResourceNotFoundException("Requested resource not found");

        Assert.True(DatabaseFailures.IsDatabaseFailure(error));
        Assert.Equal("table 'users' does not exist", DatabaseFailures.Describe(error, "users"));
    }

    [Fact]
    public void RefusedRequest_NamesTheErrorCode()
    {
        var error = new AmazonDynamoDBException("denied") { ErrorCode = "AccessDeniedException", StatusCode = HttpStatusCode.BadRequest };

        Assert.Equal("the database refused the request (AccessDeniedException, HTTP 400)", DatabaseFailures.Describe(error, "users"));
    }

    [Fact]
    public void ConnectionFailure_IsUnreachable_EvenWhenWrapped()
    {
        var error = new AmazonClientException("wrapped", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.True(DatabaseFailures.IsDatabaseFailure(error));
        Assert.Equal("the database is unreachable", DatabaseFailures.Describe(error, "users"));
        Assert.True(DatabaseFailures.IsDatabaseFailure(new InvalidOperationException("outer", new HttpRequestException("inner"))));
    }

    [Fact]
    public void Timeout_SaysSo()
    {
        Assert.Equal("the database did not answer in time", DatabaseFailures.Describe(new TaskCanceledException(), "users"));
    }

    [Theory]
    [InlineData("InternalServerError", HttpStatusCode.InternalServerError)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("ProvisionedThroughputExceededException", HttpStatusCode.BadRequest)]
    [InlineData("RequestLimitExceeded", HttpStatusCode.BadRequest)]
    [InlineData("TooManyRequests", HttpStatusCode.TooManyRequests)]
    [InlineData("AccessDeniedException", HttpStatusCode.BadRequest)]
    [InlineData("ResourceNotFoundException", HttpStatusCode.BadRequest)]
    public void ServerErrors_Throttling_MissingTable_AndDeniedAccess_AreDatabaseFailures(string code, HttpStatusCode status)
    {
        var error = new AmazonDynamoDBException("failed") { ErrorCode = code, StatusCode = status };

        Assert.True(DatabaseFailures.IsDatabaseFailure(error));
        Assert.False(DatabaseFailures.IsRejectedRequest(error));
    }

    [Theory]
    [InlineData("ValidationException")]
    [InlineData("ConditionalCheckFailedException")]
    [InlineData("SerializationException")]
    public void OtherClientErrors_AreRejectedRequests_NotDatabaseFailures(string code)
    {
        var error = new AmazonDynamoDBException("The provided key element does not match the schema") { ErrorCode = code, StatusCode = HttpStatusCode.BadRequest };

        Assert.False(DatabaseFailures.IsDatabaseFailure(error));
        Assert.True(DatabaseFailures.IsRejectedRequest(error));
        Assert.Equal($"the database refused the request ({code}, HTTP 400)", DatabaseFailures.Describe(error, "users"));
        Assert.True(DatabaseFailures.IsRejectedRequest(new InvalidOperationException("outer", error)));
        Assert.Equal($"the database rejected the request ({code.Replace("Exception", "", StringComparison.Ordinal)}, HTTP 400)", DatabaseFailures.DescribeRejection(error));
    }

    [Fact]
    public void ServiceError_CarryingANetworkFailure_IsADatabaseFailure()
    {
        var error = new AmazonDynamoDBException("wrapped", new HttpRequestException("reset", new IOException("connection reset")));

        Assert.True(DatabaseFailures.IsDatabaseFailure(error));
        Assert.False(DatabaseFailures.IsRejectedRequest(error));
    }

    [Fact]
    public void ProgrammingError_IsNotADatabaseFailure()
    {
        Assert.False(DatabaseFailures.IsDatabaseFailure(new InvalidOperationException("bug")));
        Assert.False(DatabaseFailures.IsDatabaseFailure(new NullReferenceException()));
        Assert.False(DatabaseFailures.IsRejectedRequest(new InvalidOperationException("bug")));
    }
}
