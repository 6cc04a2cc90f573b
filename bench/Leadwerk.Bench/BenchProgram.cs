namespace Leadwerk.Bench;

public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["plot", ..])
        {
            return await Matrix.GrowthPlot.Run(args[1..], Console.Out);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (options.Command == "generate")
        {
            await Generator.Run(options, Console.Out);
        }
        else if (options.Command == "jobs")
        {
            await Jobs.JobsRun.Run(options, Console.Out);
        }
        else if (options.Command == "index-costs")
        {
            await Jobs.IndexCosts.Run(options, Console.Out);
        }
        else if (options.Command == "screenshots")
        {
            await Screenshots.Run(options, Console.Out);
        }
        else if (options.Command == "matrix")
        {
            await Matrix.MatrixRun.Run(options, Console.Out);
        }
        else
        {
            await Runner.Run(options, Console.Out);
        }

        return 0;
    }
}
