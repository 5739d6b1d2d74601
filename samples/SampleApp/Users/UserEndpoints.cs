using SampleApp.Faults;

namespace SampleApp.Users;

/// <summary>The application's own routes: all users, and one user by id.</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async (ItemsCache items, CancellationToken cancellationToken) =>
                TypedResults.Bytes(await items.GetJsonAsync(cancellationToken), "application/json; charset=utf-8"))
            .WithMetadata(new FaultableAttribute());

        routes.MapGet("/users/{id}", async Task<IResult> (string id, UserStore store, CancellationToken cancellationToken) =>
            {
                if (!UserIds.IsWellFormed(id))
                {
                    return TypedResults.Problem(
                        title: "Malformed user id",
                        detail: $"A user id is {UserIds.Rule}.",
                        statusCode: StatusCodes.Status400BadRequest);
                }

                return await store.FindAsync(id, cancellationToken) is { } item
                    ? TypedResults.Ok(item)
                    : TypedResults.Problem(
                        title: "User not found",
                        detail: $"No user has the id '{id}'.",
                        statusCode: StatusCodes.Status404NotFound);
            })
            .WithMetadata(new FaultableAttribute());
    }
}
