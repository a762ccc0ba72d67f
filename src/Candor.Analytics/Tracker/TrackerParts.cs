namespace Candor.Analytics.Tracker;

/// <summary>
/// The tracker's source, in pieces that <see cref="TrackerScripts"/> joins per variant, so a page pays only for
/// the extensions it asked for. Written by hand in a compact style (the default variant must stay under 1.5 KB
/// gzipped; a test measures it). Names: <c>w</c> window, <c>d</c> document, <c>l</c> location, <c>n</c> navigator,
/// <c>s</c> this script element, <c>t</c> the <c>plausible()</c> function, <c>i</c> "ignored".
/// </summary>
internal static class TrackerParts
{
    /// <summary>Opens the closure and reads the script's attributes. <c>{LOCAL}</c>/<c>{HASH}</c> become 1 or 0.</summary>
    public const string Head =
        """
        !function(w,d){"use strict";var l=w.location,n=w.navigator,s=d.currentScript,A=function(k){return s.getAttribute("data-"+k)},E=A("api")||new URL(s.src).origin+"/api/event",D=A("domain")||l.hostname,G=A("gpc")!=="false",L={LOCAL}||s.hasAttribute("data-include-localhost"),H={HASH};
        function i(r,o){console.warn("Ignoring Event: "+r);o&&o.callback&&o.callback()}
        """;

    /// <summary>
    /// <c>plausible(name, {props, interactive, callback, u})</c>. The checks are Plausible's (loopback, <c>file:</c>,
    /// automation, <c>plausible_ignore</c>) plus Global Privacy Control, which Plausible ignores and Candor honours
    /// unless the script says <c>data-gpc="false"</c>. <c>{EXCLUDED}</c> is the exclusions test or nothing.
    /// </summary>
    public const string Send =
        """
        function t(e,o){o=o||{};if(!L&&(/^localhost$|^127(\.\d+){3}$|^\[::1\]$/.test(l.hostname)||l.protocol=="file:"))return i("localhost",o);if(n.webdriver||w._phantom||w.__nightmare||w.Cypress)return i("automation",o);try{if(localStorage.plausible_ignore=="true")return i("localStorage flag",o)}catch(x){}if(G&&n.globalPrivacyControl)return i("Global Privacy Control",o);{EXCLUDED}
        var b={n:e,u:o.u||l.href,d:D,r:d.referrer||null};if(o.props)b.p=o.props;if(o.interactive===!1)b.i=!1;if(H)b.h=1;
        fetch(E,{method:"POST",headers:{"Content-Type":"text/plain"},keepalive:!0,body:JSON.stringify(b)}).then(function(r){o.callback&&o.callback({status:r.status})},function(){o.callback&&o.callback({status:0})})}
        """;

    /// <summary>Replays what the page queued with the usual stub (<c>window.plausible.q</c>) before this script ran.</summary>
    public const string Queue =
        """
        var q=w.plausible&&w.plausible.q||[];w.plausible=t;for(var j=0;j<q.length;j++)t.apply(this,q[j]);
        """;

    /// <summary>
    /// Automatic pageviews: on load (or when a prerendered page is first shown), on <c>pushState</c>/<c>popstate</c>
    /// for single-page sites, and on <c>hashchange</c> in hash mode. <c>{PROPS}</c> is the pageview's options.
    /// </summary>
    public const string Pageviews =
        """
        var P,V=function(){if(!H&&P===l.pathname)return;P=l.pathname;t("pageview"{PROPS})},h=w.history;
        if(h.pushState){var S=h.pushState;h.pushState=function(){S.apply(this,arguments);V()};w.addEventListener("popstate",V)}if(H)w.addEventListener("hashchange",V);
        if(d.visibilityState==="prerender")d.addEventListener("visibilitychange",function(){if(P===void 0&&d.visibilityState==="visible")V()});else V();
        """;

    /// <summary><c>pageview-props</c>: the script's <c>event-*</c> attributes become the pageview's props.</summary>
    public const string PageviewProps =
        """
        function Q(){var p={},a=s.attributes,k;for(k=0;k<a.length;k++)if(a[k].name.indexOf("event-")==0)p[a[k].name.slice(6)]=a[k].value;return{props:p}}
        """;

    /// <summary><c>exclusions</c>: <c>data-exclude</c>/<c>data-include</c> path lists with <c>*</c> (one segment) and <c>**</c>.</summary>
    public const string Exclusions =
        """
        function g(p){return new RegExp("^"+p.trim().replace(/[.+?^${}()|[\]\\]/g,"\\$&").replace(/\*\*/g,"\0").replace(/\*/g,"[^/]*").replace(/\0/g,".*")+"/?$")}
        function X(){var p=l.pathname,f=function(a){return a.split(",").some(function(x){return g(x).test(p)})},x=A("exclude"),y=A("include");return x&&f(x)||y&&!f(y)}
        """;

    public const string ExcludedCheck = """if(X())return i("exclusion",o);""";

    /// <summary>Link clicks (and middle clicks): <c>{OUTBOUND}</c> and <c>{FILES}</c> are the parts' tests, or nothing.</summary>
    public const string LinkClicks =
        """
        function K(e){if(e.type=="auxclick"&&e.button!=1)return;var a=e.target.closest&&e.target.closest("a[href]");if(!a)return;{FILES}{OUTBOUND}}
        d.addEventListener("click",K);d.addEventListener("auxclick",K);
        """;

    /// <summary><c>file-downloads</c>: Plausible's default extensions, replaced by <c>data-file-types</c> or extended by <c>data-add-file-types</c>.</summary>
    public const string FileTypes =
        """
        var F=(A("file-types")||"pdf,xlsx,docx,txt,rtf,csv,exe,key,pps,ppt,pptx,7z,pkg,rar,gz,zip,avi,mov,mp4,mpeg,wmv,midi,mp3,wav,wma,dmg").split(",").concat((A("add-file-types")||"").split(","));
        """;

    public const string FileCheck =
        """var m=a.pathname.split("/").pop(),x=m.indexOf(".")>0&&m.split(".").pop().toLowerCase();if(x&&F.indexOf(x)>=0)return t("File Download",{props:{url:a.href.split("?")[0]}});""";

    public const string OutboundCheck =
        """if(/^https?:$/.test(a.protocol)&&a.host!=l.host)t("Outbound Link: Click",{props:{url:a.href}});""";

    /// <summary><c>tagged-events</c>: a class <c>plausible-event-name=Signup</c> (or <c>--</c> for CMSs that forbid <c>=</c>)
    /// on a clicked element or an ancestor up to three levels, or on a submitted form; <c>plausible-event-KEY=VALUE</c> adds props, <c>+</c> is a space.</summary>
    public const string TaggedEvents =
        """
        function C(el){var p={},m,c=(el.getAttribute&&el.getAttribute("class")||"").split(/\s+/),k,N;for(k=0;k<c.length;k++)if(m=c[k].match(/^plausible-event-(.+?)(?:=|--)(.+)$/)){m[2]=m[2].replace(/\+/g," ");if(m[1]=="name")N=m[2];else p[m[1]]=m[2]}if(N){t(N,{props:p});return 1}}
        d.addEventListener("click",function(e){for(var el=e.target,k=0;el&&k<4;el=el.parentNode,k++)if(el.tagName!="FORM"&&C(el))return});d.addEventListener("submit",function(e){C(e.target)});
        """;

    public const string Tail = "}(window,document);";
}
