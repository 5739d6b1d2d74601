using System.Globalization;
using BlueGreen.GitOps.Rendering;
using k8s.Models;

namespace BlueGreen.GitOps.Components;

/// <summary>The sample app's Ingress: an internet-facing ALB with HTTPS, and DNS for the colour's own hostname only.</summary>
internal static class SampleAppIngress
{
    public const string IngressClass = "alb";

    /// <summary>Seconds the load balancer lets in-flight requests finish on a deregistered target.</summary>
    public const int DeregistrationDelaySeconds = 30;

    /// <summary>Tells ExternalDNS to take hostnames only from its hostname annotation, never from rules or TLS hosts.</summary>
    public const string HostnameSourceKey = "ingress-hostname-source";

    public const string HostnameKey = "hostname";

    public static V1Ingress Ingress(ColourContext context)
    {
        var prefix = context.ExternalDns.AnnotationPrefixInUse;
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alb.ingress.kubernetes.io/scheme"] = "internet-facing",
            ["alb.ingress.kubernetes.io/target-type"] = "ip",
            ["alb.ingress.kubernetes.io/listen-ports"] = """[{"HTTP": 80}, {"HTTPS": 443}]""",
            ["alb.ingress.kubernetes.io/ssl-redirect"] = "443",
            ["alb.ingress.kubernetes.io/ssl-policy"] = "ELBSecurityPolicy-TLS13-1-2-2021-06",
            ["alb.ingress.kubernetes.io/healthcheck-path"] = "/readyz",
            ["alb.ingress.kubernetes.io/success-codes"] = "200",
            ["alb.ingress.kubernetes.io/target-group-attributes"] =
                string.Create(CultureInfo.InvariantCulture, $"deregistration_delay.timeout_seconds={DeregistrationDelaySeconds}"),
            [prefix + HostnameKey] = context.ColourHost,
            [prefix + HostnameSourceKey] = "annotation-only",
        };

        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta
            {
                Name = SampleApp.Name,
                NamespaceProperty = SampleApp.Namespace,
                Labels = Labels.For(SampleApp.Name),
                Annotations = Labels.Sorted(annotations),
            },
            Spec = new V1IngressSpec
            {
                IngressClassName = IngressClass,
                // No certificate ARN: the controller finds the common certificate in ACM by these hosts
                // (it covers the zone and *.zone), so nothing deployed later has to be copied in here.
                Tls = [new V1IngressTLS { Hosts = [context.ColourHost, context.ServiceHost] }],
                Rules = [Rule(context.ColourHost), Rule(context.ServiceHost)],
            },
        };
    }

    public static IReadOnlyList<string> Comments(ColourContext context) =>
    [
        $"Routes {context.ColourHost} (the colour's own name, published by this cluster's ExternalDNS) and",
        $"{context.ServiceHost} (the service name, whose weighted Route53 records the cutover engine owns and",
        "moves in one change batch; ExternalDNS never publishes it, so no record is deleted to move traffic).",
    ];

    private static V1IngressRule Rule(string host) => new()
    {
        Host = host,
        Http = new V1HTTPIngressRuleValue
        {
            Paths =
            [
                new V1HTTPIngressPath
                {
                    Path = "/",
                    PathType = "Prefix",
                    Backend = new V1IngressBackend
                    {
                        Service = new V1IngressServiceBackend { Name = SampleApp.Name, Port = new V1ServiceBackendPort { Number = SampleApp.ServicePort } },
                    },
                },
            ],
        },
    };
}
