using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bosporos.Analysis.Tests.Shards;

/// <summary>The Slurm and Kubernetes examples keep to the shard contract (k/N with N equal to the number of tasks).</summary>
public partial class DeployExampleTests
{
    [Fact]
    public void Kubernetes_indexed_job_runs_shard_index_of_completions()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root(), "deploy/k8s/indexed-job.yaml"))));
        var job = (YamlMappingNode)yaml.Documents[0].RootNode;
        var spec = (YamlMappingNode)job["spec"];
        Assert.Equal("Job", job["kind"].ToString());
        Assert.Equal("Indexed", spec["completionMode"].ToString());
        var completions = spec["completions"].ToString();
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)spec["template"])["spec"])["containers"])[0];
        var args = string.Join(" ", ((YamlSequenceNode)container["args"]).Select(a => a.ToString()));
        Assert.Contains($"--shard \"${{JOB_COMPLETION_INDEX}}/{completions}\"", args, StringComparison.Ordinal);
        Assert.Contains($"shard-${{JOB_COMPLETION_INDEX}}-of-{completions}.db", args, StringComparison.Ordinal);

        var merge = (YamlMappingNode)yaml.Documents[1].RootNode;
        var mergeContainer = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)merge["spec"])["template"])["spec"])["containers"])[0];
        var mergeArgs = string.Join(" ", ((YamlSequenceNode)mergeContainer["args"]).Select(a => a.ToString()));
        Assert.Contains($"merge /results/shards/shard-*-of-{completions}.db", mergeArgs, StringComparison.Ordinal);
    }

    [Fact]
    public void Slurm_array_runs_task_id_of_task_count()
    {
        var script = File.ReadAllText(Path.Combine(Root(), "deploy/slurm/bosporos-array.sbatch"));
        Assert.Matches(ArrayLine(), script);
        Assert.Contains("SHARDS=\"${SLURM_ARRAY_TASK_COUNT", script, StringComparison.Ordinal);
        Assert.Contains("--shard \"${K}/${SHARDS}\"", script, StringComparison.Ordinal);
        Assert.Contains("--out \"shards/shard-${K}-of-${SHARDS}.db\"", script, StringComparison.Ordinal);
        var merge = File.ReadAllText(Path.Combine(Root(), "deploy/slurm/bosporos-merge.sbatch"));
        Assert.Contains("merge shards/shard-*.db", merge, StringComparison.Ordinal);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"#SBATCH --array=0-\d+")]
    private static partial Regex ArrayLine();
}
