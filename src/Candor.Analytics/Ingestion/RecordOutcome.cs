using Candor.Analytics.Classification;
using Candor.Analytics.Store;

namespace Candor.Analytics.Ingestion;

/// <summary>What <see cref="EventRecorder.Process"/> did: the events to buffer, or why there are none.</summary>
public sealed record RecordOutcome(IReadOnlyList<StoredEvent> Events, DropReason? Dropped);
