namespace Bosporos.Analysis;
