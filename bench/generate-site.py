#!/usr/bin/env python3
"""Generate a deterministic Jekyll site for benchmarking Candor against Jekyll.

Usage: python3 bench/generate-site.py OUTDIR [--posts 2000] [--pages 200] [--seed 1]

The same arguments always produce byte-identical files. The site uses a
three-deep layout chain, includes with parameters on every page and post,
_data files used in loops, posts spread over categories, tags and years,
Markdown with headings, lists, code, links and tables, a paginated blog
index (jekyll-paginate, 20 per page) and a hand-written Atom feed.
"""
import argparse
import os
import random
import shutil
import sys
from datetime import datetime, timedelta

WORDS = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud "
    "exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure "
    "in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
    "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est "
    "laborum server static site build page layout template cache render markdown liquid"
).split()
CATEGORIES = ["engineering", "design", "releases", "community", "tutorials", "ops"]
TAGS = ["csharp", "dotnet", "jekyll", "liquid", "markdown", "performance", "privacy",
        "css", "http", "testing", "linux", "security", "docs", "tooling", "yaml"]
LANGS = [("python", "def f(x):\n    return x * 2\n\nprint(f(21))"),
         ("ruby", "def greet(name)\n  \"Hello, #{name}\"\nend"),
         ("csharp", "public static int Twice(int x) => x * 2;"),
         ("js", "const twice = (x) => x * 2;\nconsole.log(twice(21));"),
         ("", "plain text block\n  with indentation")]


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def sentence(rng, lo=6, hi=16):
    s = words(rng, rng.randint(lo, hi))
    return s[0].upper() + s[1:] + "."


def paragraph(rng, lo=2, hi=5):
    return " ".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def title(rng, lo=2, hi=6):
    return " ".join(w.capitalize() for w in words(rng, rng.randint(lo, hi)).split())


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body(rng, n_links, post_slugs):
    out = [paragraph(rng), ""]
    out += ["{% include callout.html kind=\"info\" text=\"" + words(rng, 6) + "\" %}", ""]
    for h in range(rng.randint(2, 4)):
        out += ["## " + title(rng), "", paragraph(rng), ""]
        kind = rng.randrange(4)
        if kind == 0:
            out += ["- " + sentence(rng, 3, 8) for _ in range(rng.randint(3, 6))] + [""]
        elif kind == 1:
            out += ["%d. %s" % (i + 1, sentence(rng, 3, 8)) for i in range(rng.randint(3, 5))] + [""]
        elif kind == 2:
            lang, code = rng.choice(LANGS)
            out += ["```" + lang, code, "```", ""]
        else:
            out += ["| Name | Value | Note |", "|:-----|------:|:----:|"]
            out += ["| %s | %d | *%s* |" % (rng.choice(WORDS), rng.randint(1, 999), rng.choice(WORDS))
                    for _ in range(rng.randint(2, 5))]
            out += [""]
        if post_slugs and n_links:
            target = rng.choice(post_slugs)
            out += ["See also [%s]({%% post_url %s %%}) and the [archive]({{ '/blog/' | relative_url }})." %
                    (words(rng, 3), target), ""]
        out += ["### " + title(rng, 1, 3), "", paragraph(rng, 1, 3) + " `inline " + rng.choice(WORDS) + "` and **bold** text.", ""]
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = a.outdir
    if os.path.exists(out):
        if not os.path.isdir(out) or (os.listdir(out) and not os.path.exists(os.path.join(out, "_config.yml"))):
            sys.exit("refusing to overwrite non-site directory: " + out)
        shutil.rmtree(out)
    os.makedirs(out)
    j = lambda *p: os.path.join(out, *p)

    write(j("_config.yml"), """title: Bench Site
description: A generated site for benchmarking.
url: https://bench.example
baseurl: ""
permalink: /:categories/:year/:month/:day/:title/
timezone: UTC
paginate: 20
paginate_path: "/blog/page:num/"
plugins:
  - jekyll-paginate
exclude:
  - README.md
defaults:
  - scope: {path: ""}
    values: {layout: page}
  - scope: {path: "", type: posts}
    values: {layout: post}
""")
    write(j("_layouts", "base.html"), """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{% if page.title %}{{ page.title }} | {% endif %}{{ site.title }}</title>
<link rel="stylesheet" href="{{ '/assets/site.css' | relative_url }}"></head>
<body>
<header><nav>{% for item in site.data.nav %}<a href="{{ item.url | relative_url }}">{{ item.title }}</a> {% endfor %}</nav></header>
<main>{{ content }}</main>
<footer>{% include footer.html year=2024 %}</footer>
</body></html>
""")
    write(j("_layouts", "page.html"), """---
layout: base
---
<article class="page"><h1>{{ page.title }}</h1>
{{ content }}
</article>
""")
    write(j("_layouts", "post.html"), """---
layout: page
---
<p class="meta">{{ page.date | date: "%B %-d, %Y" }} by {% include author.html id=page.author %}
in {{ page.categories | array_to_sentence_string }}</p>
{{ content }}
<p class="tags">{% for t in page.tags %}<a href="{{ '/tags/' | relative_url }}#{{ t | slugify }}">#{{ t }}</a> {% endfor %}</p>
<nav>{% if page.previous %}<a href="{{ page.previous.url | relative_url }}">{{ page.previous.title }}</a>{% endif %}
{% if page.next %}<a href="{{ page.next.url | relative_url }}">{{ page.next.title }}</a>{% endif %}</nav>
""")
    write(j("_includes", "footer.html"), """<p>&copy; {{ include.year }} {{ site.title }}.{% for l in site.data.links %} <a href="{{ l.url }}">{{ l.name }}</a>{% endfor %}</p>
""")
    write(j("_includes", "author.html"), """{% assign a = site.data.authors | where: "id", include.id | first %}<span class="author">{{ a.name | default: include.id }}</span>""")
    write(j("_includes", "callout.html"), """<div class="callout callout-{{ include.kind }}">{{ include.text | capitalize }}</div>""")
    write(j("_includes", "post-item.html"), """<li><a href="{{ include.post.url | relative_url }}">{{ include.post.title }}</a> <time>{{ include.post.date | date_to_string }}</time></li>""")

    authors = [{"id": "a%02d" % i, "name": title(rng, 2, 2)} for i in range(12)]
    write(j("_data", "authors.yml"), "".join("- id: %s\n  name: %s\n" % (x["id"], yaml_str(x["name"])) for x in authors))
    write(j("_data", "nav.yml"), "- title: Home\n  url: /\n- title: Blog\n  url: /blog/\n- title: Tags\n  url: /tags/\n- title: Docs\n  url: /docs/\n")
    write(j("_data", "links.json"), '[{"name": "Source", "url": "https://example.org/src"}, {"name": "Feed", "url": "/feed.xml"}]\n')

    # Posts, oldest first, spread over several years.
    start = datetime(2016, 1, 1, 8, 0, 0)
    span_minutes = 9 * 365 * 24 * 60
    stamps = sorted(rng.randrange(span_minutes) for _ in range(a.posts))
    slugs = []
    for i, m in enumerate(stamps):
        d = start + timedelta(minutes=m)
        t = title(rng)
        slug = "%s-%d" % ("-".join(t.lower().split()[:4]), i)
        fname = "%s-%s" % (d.strftime("%Y-%m-%d"), slug)
        cats = rng.sample(CATEGORIES, rng.randint(1, 2))
        tags = rng.sample(TAGS, rng.randint(1, 4))
        text = body(rng, 1, slugs[-50:])
        fm = "---\ntitle: %s\ndate: %s +0000\ncategories: [%s]\ntags: [%s]\nauthor: %s\n---\n" % (
            yaml_str(t), d.strftime("%Y-%m-%d %H:%M:%S"), ", ".join(cats), ", ".join(tags),
            rng.choice(authors)["id"])
        write(j("_posts", fname + ".md"), fm + text + "\n")
        slugs.append(fname)

    # Pages in nested sections.
    sections = ["docs", "guides", "reference", "about"]
    for i in range(a.pages):
        sec = sections[i % len(sections)]
        sub = "part-%d" % (i // 20)
        t = title(rng)
        fm = "---\ntitle: %s\norder: %d\n---\n" % (yaml_str(t), i)
        text = body(rng, 1, slugs[-50:] if slugs else [])
        text += "\n\n{% include callout.html kind=\"note\" text=page.title %}\n"
        write(j(sec, sub, "page-%04d.md" % i), fm + text)

    write(j("index.md"), """---
title: Home
---
Welcome to the bench site. It has {{ site.posts.size }} posts and {{ site.pages.size }} pages.

{% include callout.html kind="info" text="generated for benchmarks" %}

## Recent posts

<ul>{% for post in site.posts limit:10 %}{% include post-item.html post=post %}{% endfor %}</ul>

## Authors

| Id | Name | Posts |
|----|------|------:|
{% for a in site.data.authors %}| {{ a.id }} | {{ a.name }} | {{ site.posts | where: "author", a.id | size }} |
{% endfor %}
""")
    write(j("blog", "index.html"), """---
title: Blog
---
{% include callout.html kind="info" text="page" %}
<ul>{% for post in paginator.posts %}{% include post-item.html post=post %}{% endfor %}</ul>
<nav>{% if paginator.previous_page %}<a href="{{ paginator.previous_page_path | relative_url }}">Newer</a>{% endif %}
Page {{ paginator.page }} of {{ paginator.total_pages }}
{% if paginator.next_page %}<a href="{{ paginator.next_page_path | relative_url }}">Older</a>{% endif %}</nav>
""")
    write(j("tags.html"), """---
title: Tags
---
{% include callout.html kind="info" text="all tags" %}
{% assign tags = site.tags | sort %}{% for tag in tags %}
<h2 id="{{ tag[0] | slugify }}">{{ tag[0] }} ({{ tag[1].size }})</h2>
<ul>{% for post in tag[1] limit:20 %}{% include post-item.html post=post %}{% endfor %}</ul>{% endfor %}
""")
    write(j("docs", "index.md"), """---
title: Docs
---
{% include callout.html kind="info" text="documentation index" %}
{% assign docs = site.pages | where_exp: "p", "p.url contains '/docs/'" | sort: "order" %}
{% for p in docs %}{% if p.order %}
- [{{ p.title }}]({{ p.url | relative_url }}){% endif %}{% endfor %}
""")
    write(j("feed.xml"), """---
layout: null
---
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{{ site.title | xml_escape }}</title>
<link href="{{ '/feed.xml' | absolute_url }}" rel="self"/>
<updated>{{ site.posts.first.date | date_to_xmlschema }}</updated>
<id>{{ '/' | absolute_url }}</id>
{% for post in site.posts limit:20 %}<entry>
<title>{{ post.title | xml_escape }}</title>
<link href="{{ post.url | absolute_url }}"/>
<id>{{ post.url | absolute_url }}</id>
<updated>{{ post.date | date_to_xmlschema }}</updated>
<summary type="html">{{ post.excerpt | xml_escape }}</summary>
</entry>
{% endfor %}</feed>
""")
    write(j("assets", "site.css"), "body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem}\n.callout{border-left:4px solid #888;padding:.5rem 1rem}\n")
    write(j("README.md"), "Generated by bench/generate-site.py --posts %d --pages %d --seed %d\n" % (a.posts, a.pages, a.seed))
    print("wrote %d posts and %d pages to %s" % (a.posts, a.pages, out))


if __name__ == "__main__":
    main()
