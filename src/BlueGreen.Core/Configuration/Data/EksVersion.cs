using System.Globalization;

namespace BlueGreen.Core.Configuration.Data;

/// <summary>A Kubernetes minor version as Amazon EKS offers it, with its support dates.</summary>
public sealed record EksVersion(string Version, DateOnly Released, DateOnly EndOfStandardSupport, DateOnly EndOfExtendedSupport)
{
    /// <summary>Minor number, for ordering: 33 for "1.33".</summary>
    public int Minor => int.Parse(Version.AsSpan(2), CultureInfo.InvariantCulture);

    /// <summary>Where the version stands on <paramref name="day"/>.</summary>
    public EksSupport SupportOn(DateOnly day) =>
        day < EndOfStandardSupport ? EksSupport.Standard
        : day < EndOfExtendedSupport ? EksSupport.Extended
        : EksSupport.Ended;
}

/// <summary>Support phase of an EKS version.</summary>
public enum EksSupport
{
    /// <summary>Within the first 14 months.</summary>
    Standard,

    /// <summary>The 12 months after standard support, at extra cost per cluster hour.</summary>
    Extended,

    /// <summary>EKS no longer creates clusters of this version.</summary>
    Ended,
}
