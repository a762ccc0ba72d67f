namespace Candor.Server; internal static class Placeholder { }
