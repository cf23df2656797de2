using System.Text;
using System.Text.RegularExpressions;

namespace Bosporos.Scenarios.Tests;

/// <summary>Every relative link (and image) in README.md and docs/*.md leads to a file of the repository, and every
/// #fragment to a heading of the page it names, with anchors made the way GitHub makes them.</summary>
public partial class DocLinkTests
{
    private static List<string> PageList()
    {
        var root = Fixture.RepoRoot();
        var docs = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));
        return ["README.md", .. docs.Order(StringComparer.Ordinal)];
    }

    public static TheoryData<string> Pages() => new(PageList());

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves(string page)
    {
        var root = Fixture.RepoRoot();
        var broken = Links.Broken(Path.Combine(root, page)).ToList();
        Assert.True(broken.Count == 0, $"{page}:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void The_pages_include_the_docs_folder()
    {
        Assert.Contains("docs/sources.md", PageList());
        Assert.Contains("docs/cli.md", PageList());
    }

    [Fact]
    public void A_link_that_would_resolve_only_from_the_repository_root_is_reported()
    {
        var dir = Directory.CreateTempSubdirectory("bosporos-links-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "docs"));
            File.WriteAllText(Path.Combine(dir.FullName, "docs", "format.md"), "# Format\n\n## The fields at a glance\n");
            var page = Path.Combine(dir.FullName, "docs", "guide.md");
            File.WriteAllText(page, string.Join('\n',
                "[good](format.md), [anchor](format.md#the-fields-at-a-glance), [self](#guide), [web](https://example.org/x.md)",
                "# Guide",
                "[from root](docs/format.md) and [bad anchor](format.md#fields) and ![missing](shots/a.png)",
                "`[not a link](nowhere.md)`",
                "```",
                "[in a code block](nowhere.md)",
                "```"));
            var broken = Links.Broken(page).ToList();
            Assert.Equal(3, broken.Count);
            Assert.Contains(broken, b => b.Contains("docs/format.md", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("format.md#fields", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("shots/a.png", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("The commands at a glance", "the-commands-at-a-glance")]
    [InlineData("`cp`: Chronicon Paschale", "cp-chronicon-paschale")]
    [InlineData("`gibbon`: Gibbon, *Decline and Fall*", "gibbon-gibbon-decline-and-fall")]
    [InlineData("Exit codes (0, 1, 2, 3, 130)", "exit-codes-0-1-2-3-130")]
    [InlineData("Kulakovsky — *История*", "kulakovsky--история")]
    public void Anchors_are_made_as_on_GitHub(string heading, string anchor) => Assert.Equal(anchor, Links.Slug(heading));

    internal static partial class Links
    {
        public static IEnumerable<string> Broken(string page)
        {
            var dir = Path.GetDirectoryName(page)!;
            var lines = File.ReadAllLines(page);
            var inFence = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (inFence)
                {
                    continue;
                }

                foreach (Match m in Link().Matches(InlineCode().Replace(line, string.Empty)))
                {
                    var target = m.Groups["target"].Value;
                    if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var hash = target.IndexOf('#', StringComparison.Ordinal);
                    var file = hash < 0 ? target : target[..hash];
                    var fragment = hash < 0 ? null : target[(hash + 1)..];
                    var path = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(dir, Uri.UnescapeDataString(file)));
                    if (!File.Exists(path) && !Directory.Exists(path))
                    {
                        yield return $"line {i + 1}: '{target}' does not resolve (no {Path.GetRelativePath(dir, path)} next to the page)";
                    }
                    else if (fragment is not null && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(path).Contains(fragment))
                    {
                        yield return $"line {i + 1}: '{target}': no heading with the anchor '#{fragment}'";
                    }
                }
            }
        }

        public static HashSet<string> Anchors(string page)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var inFence = false;
            foreach (var line in File.ReadLines(page))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && Heading().Match(line) is { Success: true } h)
                {
                    var slug = Slug(h.Groups[1].Value);
                    var n = seen.GetValueOrDefault(slug);
                    seen[slug] = n + 1;
                    anchors.Add(n == 0 ? slug : $"{slug}-{n}");
                }
            }

            return anchors;
        }

        /// <summary>GitHub's anchor: the heading's text lower-cased, punctuation dropped, spaces made hyphens.</summary>
        public static string Slug(string heading)
        {
            var text = Link().Replace(heading, "${text}").Replace("`", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant();
            var slug = new StringBuilder();
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            return slug.ToString();
        }

        // [text](target) and ![alt](target), with an optional <...> around the target and an optional "title".
        [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\(<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\)")]
        private static partial Regex Link();

        [GeneratedRegex(@"`[^`]*`")]
        private static partial Regex InlineCode();

        [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
        private static partial Regex Heading();
    }
}
