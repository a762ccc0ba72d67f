using Candor.Analytics.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Identity;

public class SessionTrackerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private SessionTracker Tracker() => new(_time);

    [Fact]
    public void A_first_pageview_starts_a_bounced_session()
    {
        var s = Tracker().Record("e.com", 1, "pageview", true)!;
        Assert.True(s.IsBounce);
        Assert.Equal((1, 1, TimeSpan.Zero), (s.Pageviews, s.Events, s.Duration));
    }

    [Fact]
    public void A_second_pageview_within_30_minutes_continues_the_session_and_clears_the_bounce()
    {
        var tracker = Tracker();
        var first = tracker.Record("e.com", 1, "pageview", true)!;
        _time.Advance(TimeSpan.FromMinutes(25));
        var second = tracker.Record("e.com", 1, "pageview", true)!;
        Assert.Equal(first.Id, second.Id);
        Assert.False(second.IsBounce);
        Assert.Equal((2, TimeSpan.FromMinutes(25)), (second.Pageviews, second.Duration));
    }

    [Fact]
    public void The_same_visitor_id_on_two_sites_has_two_sessions_and_both_expire()
    {
        var tracker = Tracker();
        var a = tracker.Record("a.com", 1, "pageview", true)!;
        var b = tracker.Record("b.com", 1, "pageview", true)!;
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal((1, 1), (tracker.Record("a.com", 1, "pageview", true)!.Events - 1, b.Events));
        Assert.True(tracker.IsLive("b.com", 1));
        Assert.False(tracker.IsLive("c.com", 1));
        Assert.Equal(2, tracker.LiveCount);
        _time.Advance(TimeSpan.FromMinutes(61));
        tracker.Record("c.com", 2, "pageview", true); // the sweep runs on the next event after the window
        Assert.Equal(1, tracker.LiveCount);
        Assert.False(tracker.IsLive("a.com", 1));
    }

    [Fact]
    public void A_gap_over_30_minutes_starts_a_new_session()
    {
        var tracker = Tracker();
        var first = tracker.Record("e.com", 1, "pageview", true)!;
        _time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var second = tracker.Record("e.com", 1, "pageview", true)!;
        Assert.NotEqual(first.Id, second.Id);
        Assert.True(second.IsBounce);
        Assert.Equal(1, second.Pageviews);
    }

    [Fact]
    public void Interactive_custom_events_clear_the_bounce_and_non_interactive_ones_do_not()
    {
        var tracker = Tracker();
        tracker.Record("e.com", 1, "pageview", true);
        Assert.True(tracker.Record("e.com", 1, "Scroll", interactive: false)!.IsBounce);
        Assert.False(tracker.Record("e.com", 1, "Signup", interactive: true)!.IsBounce);
    }

    [Fact]
    public void Engagement_events_neither_start_nor_change_a_session()
    {
        var tracker = Tracker();
        Assert.Null(tracker.Record("e.com", 1, "engagement", true));
        Assert.Equal(0, tracker.LiveCount);
        var start = tracker.Record("e.com", 1, "pageview", true)!;
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(start, tracker.Record("e.com", 1, "engagement", true));
    }

    [Fact]
    public void Visitors_and_sites_have_separate_sessions()
    {
        var tracker = Tracker();
        var a = tracker.Record("e.com", 1, "pageview", true)!;
        Assert.NotEqual(a.Id, tracker.Record("e.com", 2, "pageview", true)!.Id);
        Assert.NotEqual(a.Id, tracker.Record("f.com", 1, "pageview", true)!.Id);
    }

    [Fact]
    public void Expired_sessions_are_swept_from_memory()
    {
        var tracker = Tracker();
        tracker.Record("e.com", 1, "pageview", true);
        _time.Advance(TimeSpan.FromHours(2));
        tracker.Record("e.com", 2, "pageview", true);
        Assert.Equal(1, tracker.LiveCount);
    }
}
