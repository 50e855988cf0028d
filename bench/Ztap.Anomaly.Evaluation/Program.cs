using BenchmarkDotNet.Running;
using Ztap.Anomaly.Evaluation;
using Ztap.Anomaly.Evaluation.Traffic;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Rules;
using Ztap.Anomaly.Evaluation.Speed;

// evaluate [SEED] (default): detection quality on synthetic traffic; csv DIR [SEED]: write the data set as
// flows CSV for the ztap CLI; memory: the detector's growth over a long stream; anything else goes to
// BenchmarkDotNet (e.g. --filter '*').
var mode = args.Length > 0 ? args[0] : "evaluate";
if (mode == "csv" && args.Length > 1)
{
    DatasetCsv.Write(Dataset.Generate(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1), args[1]);
    return 0;
}

if (mode == "memory")
{
    MemoryGrowth.Run(Console.Out);
    return 0;
}

if (mode == "evaluate")
{
    var seed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var data = Dataset.Generate(seed);
    Evaluation.WriteHeader(data, Console.Out);
    var evaluation = new Evaluation(data, Console.Out);
    evaluation.Run("rules (defaults, volume learnt)", new RuleDetector(RuleConfig.Default));
    evaluation.Run("forest, per-flow features", new ForestDetector(ForestDetectorOptions.Default with { Features = FeatureSet.PerFlow }));
    evaluation.Run("forest, context features", new ForestDetector(ForestDetectorOptions.Default), falsePositives: 25);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Evaluation).Assembly).Run(args);
return 0;
