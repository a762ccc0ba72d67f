namespace Candor.Analytics.Store;

/// <summary>
/// The DuckDB schema, as an append-only list: migration i takes the file from version i to i + 1.
/// Never edit a shipped entry — add one — so any older file can be brought up to date at open.
/// </summary>
internal static class DuckDbMigrations
{
    public static readonly string[] All =
    [
        // 1: the events table. Sessions (entry/exit page, bounce, duration) are derived from it by session_id.
        """
        CREATE TABLE events (
            timestamp TIMESTAMP NOT NULL,
            site VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            visitor_id UBIGINT NOT NULL,
            session_id UBIGINT NOT NULL,
            hostname VARCHAR NOT NULL,
            pathname VARCHAR NOT NULL,
            referrer VARCHAR,
            utm_source VARCHAR,
            utm_medium VARCHAR,
            utm_campaign VARCHAR,
            utm_content VARCHAR,
            utm_term VARCHAR,
            interactive BOOLEAN NOT NULL,
            scroll_depth UTINYINT,
            engagement_ms BIGINT,
            prop_keys VARCHAR[] NOT NULL,
            prop_values VARCHAR[] NOT NULL
        );
        """,
        // 2: what the classify step derives (issue 4, item 3). Added at the end of the row: the appender writes
        // columns in table order, so DuckDbEventStore appends these after prop_values.
        """
        ALTER TABLE events ADD COLUMN browser VARCHAR;
        ALTER TABLE events ADD COLUMN browser_version VARCHAR;
        ALTER TABLE events ADD COLUMN os VARCHAR;
        ALTER TABLE events ADD COLUMN os_version VARCHAR;
        ALTER TABLE events ADD COLUMN device VARCHAR;
        ALTER TABLE events ADD COLUMN country VARCHAR;
        ALTER TABLE events ADD COLUMN source VARCHAR;
        ALTER TABLE events ADD COLUMN referrer_source VARCHAR;
        ALTER TABLE events ADD COLUMN click_id_param VARCHAR;
        """,
        // 3: the acquisition channel (Classification/Channels), set at ingestion so the Channels panel is a plain
        // GROUP BY (older rows keep NULL, shown as "(not set)"); and the query layer's session cache: one row per
        // session and UTC day for closed days (Query/SessionDayCache), so visit breakdowns need not re-summarise
        // every event of the range. Derived data only: dropping both tables' rows loses nothing.
        """
        ALTER TABLE events ADD COLUMN channel VARCHAR;
        CREATE TABLE session_days (
            site VARCHAR NOT NULL,
            day TIMESTAMP NOT NULL,
            session_id UBIGINT NOT NULL,
            s_visitor UBIGINT NOT NULL,
            s_start TIMESTAMP NOT NULL,
            s_pageviews BIGINT NOT NULL,
            s_events BIGINT NOT NULL,
            s_bounce INTEGER NOT NULL,
            s_duration BIGINT NOT NULL,
            v_entry_page VARCHAR,
            v_exit_page VARCHAR,
            v_source VARCHAR,
            v_referrer VARCHAR,
            v_channel VARCHAR,
            v_utm_source VARCHAR,
            v_utm_medium VARCHAR,
            v_utm_campaign VARCHAR,
            v_utm_content VARCHAR,
            v_utm_term VARCHAR,
            v_country VARCHAR,
            v_browser VARCHAR,
            v_browser_version VARCHAR,
            v_os VARCHAR,
            v_os_version VARCHAR,
            v_device VARCHAR
        );
        CREATE TABLE session_days_filled (site VARCHAR NOT NULL, day TIMESTAMP NOT NULL);
        """,
        // 4: the three closed-set dimensions as ENUMs (a one- or two-byte code per row instead of a string): the
        // appender, the write-ahead log and the checkpoint then handle no string for them, which took about 1 µs of
        // the writer's ~5–6 µs per event (bench/ingest.sh). Queries are unchanged: DuckDB compares and returns ENUM
        // values as text, and a value outside the set simply matches nothing. The sets: the device types, every
        // channel Candor names (a new channel needs a new migration; a test checks Channels.All against this one)
        // and every two-letter code, so no future ISO 3166-1 country can fall outside it. DuckDbEventStore writes
        // NULL for a value outside its column's set rather than fail the batch.
        $"""
        CREATE TYPE device_type AS ENUM ('Desktop', 'Mobile', 'Tablet');
        CREATE TYPE channel_name AS ENUM ('Direct', 'Referral', 'Organic Search', 'Paid Search', 'Organic Social',
            'Paid Social', 'Organic Video', 'Paid Video', 'Organic Shopping', 'Paid Shopping', 'Email', 'Display',
            'Paid Other', 'Affiliates', 'Audio', 'SMS', 'Mobile Push Notifications', 'Cross-network');
        CREATE TYPE country_code AS ENUM ({TwoLetterCodes()});
        ALTER TABLE events ALTER device TYPE device_type USING TRY_CAST(device AS device_type);
        ALTER TABLE events ALTER channel TYPE channel_name USING TRY_CAST(channel AS channel_name);
        ALTER TABLE events ALTER country TYPE country_code USING TRY_CAST(country AS country_code);
        """,
        // 5: the open-ended but repetitive text columns (site, event name, hostname, browser and OS with their
        // versions) as ids into one dictionary, `labels`: the appender, the write-ahead log and the checkpoint then
        // handle a 4-byte integer for each instead of a string (statistics, serialisation, compression analysis),
        // which was about 2 µs of the writer's ~6 µs per event. The rows move to `event_rows`, whose columns keep
        // their names but hold label ids there; `events` becomes a view that decodes them (and passes on the rows'
        // rowid, their order of arrival), so ad-hoc SQL on the file reads as before. The query layer reads
        // `event_rows` itself and decodes after grouping (Query/Sql/Labels.cs), because a join per column on every
        // row made queries 3-5 times slower. Ids 1 and 2 are fixed ('pageview', 'engagement'), so the queries' most
        // common conditions need no lookup. Rows are copied in their order (events arrive in time order and the zone
        // maps rely on it) by one thread, as a parallel copy can interleave them: 10 million events took 18 s and
        // ~1 GB of memory (an ORDER BY took 3.6 GB). The session cache keeps ids too; it is derived data, so it is
        // emptied, not converted, by recreating it (DuckDB refuses to delete from a table and alter it in one transaction).
        """
        CREATE TABLE labels (id UINTEGER PRIMARY KEY, value VARCHAR NOT NULL UNIQUE);
        INSERT INTO labels VALUES (1, 'pageview'), (2, 'engagement');
        INSERT INTO labels
            SELECT 2 + row_number() OVER (ORDER BY value), value FROM (
                SELECT site AS value FROM events UNION SELECT name FROM events UNION SELECT hostname FROM events
                UNION SELECT browser FROM events UNION SELECT browser_version FROM events
                UNION SELECT os FROM events UNION SELECT os_version FROM events)
            WHERE value IS NOT NULL AND value NOT IN ('pageview', 'engagement');
        CREATE TABLE event_rows (
            timestamp TIMESTAMP NOT NULL,
            site UINTEGER NOT NULL,
            name UINTEGER NOT NULL,
            visitor_id UBIGINT NOT NULL,
            session_id UBIGINT NOT NULL,
            hostname UINTEGER NOT NULL,
            pathname VARCHAR NOT NULL,
            referrer VARCHAR,
            utm_source VARCHAR,
            utm_medium VARCHAR,
            utm_campaign VARCHAR,
            utm_content VARCHAR,
            utm_term VARCHAR,
            interactive BOOLEAN NOT NULL,
            scroll_depth UTINYINT,
            engagement_ms BIGINT,
            prop_keys VARCHAR[] NOT NULL,
            prop_values VARCHAR[] NOT NULL,
            browser UINTEGER,
            browser_version UINTEGER,
            os UINTEGER,
            os_version UINTEGER,
            device device_type,
            country country_code,
            source VARCHAR,
            referrer_source VARCHAR,
            click_id_param VARCHAR,
            channel channel_name
        );
        SET threads = 1;
        INSERT INTO event_rows
            SELECT e.timestamp, l_site.id, l_name.id, e.visitor_id, e.session_id, l_hostname.id, e.pathname, e.referrer,
                e.utm_source, e.utm_medium, e.utm_campaign, e.utm_content, e.utm_term, e.interactive, e.scroll_depth,
                e.engagement_ms, e.prop_keys, e.prop_values, l_browser.id, l_browser_version.id, l_os.id, l_os_version.id,
                e.device, e.country, e.source, e.referrer_source, e.click_id_param, e.channel
            FROM events e
            JOIN labels l_site ON l_site.value = e.site
            JOIN labels l_name ON l_name.value = e.name
            JOIN labels l_hostname ON l_hostname.value = e.hostname
            LEFT JOIN labels l_browser ON l_browser.value = e.browser
            LEFT JOIN labels l_browser_version ON l_browser_version.value = e.browser_version
            LEFT JOIN labels l_os ON l_os.value = e.os
            LEFT JOIN labels l_os_version ON l_os_version.value = e.os_version;
        RESET threads;
        DROP TABLE events;
        CREATE VIEW events AS
            SELECT e.timestamp, l_site.value AS site, l_name.value AS name, e.visitor_id, e.session_id,
                l_hostname.value AS hostname, e.pathname, e.referrer, e.utm_source, e.utm_medium, e.utm_campaign,
                e.utm_content, e.utm_term, e.interactive, e.scroll_depth, e.engagement_ms, e.prop_keys, e.prop_values,
                l_browser.value AS browser, l_browser_version.value AS browser_version, l_os.value AS os,
                l_os_version.value AS os_version, e.device, e.country, e.source, e.referrer_source, e.click_id_param,
                e.channel, e.rowid AS rowid
            FROM event_rows e
            JOIN labels l_site ON l_site.id = e.site
            JOIN labels l_name ON l_name.id = e.name
            JOIN labels l_hostname ON l_hostname.id = e.hostname
            LEFT JOIN labels l_browser ON l_browser.id = e.browser
            LEFT JOIN labels l_browser_version ON l_browser_version.id = e.browser_version
            LEFT JOIN labels l_os ON l_os.id = e.os
            LEFT JOIN labels l_os_version ON l_os_version.id = e.os_version;
        DROP TABLE session_days;
        CREATE TABLE session_days (
            site VARCHAR NOT NULL,
            day TIMESTAMP NOT NULL,
            session_id UBIGINT NOT NULL,
            s_visitor UBIGINT NOT NULL,
            s_start TIMESTAMP NOT NULL,
            s_pageviews BIGINT NOT NULL,
            s_events BIGINT NOT NULL,
            s_bounce INTEGER NOT NULL,
            s_duration BIGINT NOT NULL,
            v_entry_page VARCHAR,
            v_exit_page VARCHAR,
            v_source VARCHAR,
            v_referrer VARCHAR,
            v_channel VARCHAR,
            v_utm_source VARCHAR,
            v_utm_medium VARCHAR,
            v_utm_campaign VARCHAR,
            v_utm_content VARCHAR,
            v_utm_term VARCHAR,
            v_country VARCHAR,
            v_browser UINTEGER,
            v_browser_version UINTEGER,
            v_os UINTEGER,
            v_os_version UINTEGER,
            v_device VARCHAR
        );
        DELETE FROM session_days_filled;
        """,
    ];

    /// <summary>'AA', 'AB', … 'ZZ': generated, but fixed forever like the rest of a shipped migration.</summary>
    private static string TwoLetterCodes() =>
        string.Join(", ", from a in Enumerable.Range('A', 26) from b in Enumerable.Range('A', 26) select $"'{(char)a}{(char)b}'");
}
