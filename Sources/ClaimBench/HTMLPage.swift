import ClaimReports
import Foundation

/// A saved news page around one article: what "Save page as…" gives a fact-checker.
enum HTMLPage {
    static func render(_ article: BaseArticle, copy: Int, related: [BaseArticle], serial: Int) -> String {
        let title = HTMLText.escape(article.title)
        let paragraphs = copyBody(article.body, copy: copy)
            .components(separatedBy: "\n\n")
            .map { "      <p>\(HTMLText.escape($0))</p>" }
            .joined(separator: "\n")
        let relatedLinks = related.map {
            "        <li><a href=\"\($0.url)?ref=related\" class=\"related-link\">\(HTMLText.escape($0.title))</a></li>"
        }.joined(separator: "\n")
        let date = article.published ?? "2005-03-\(String(format: "%02d", serial % 28 + 1))"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>\(title) | \(HTMLText.escape(article.publisher))</title>
              <meta name="description" content="\(title)">
              <meta property="og:title" content="\(title)">
              <meta property="og:type" content="article">
              <meta property="og:url" content="\(article.url)?copy=\(copy)">
              <meta property="article:published_time" content="\(date)">
              <meta name="author" content="\(HTMLText.escape(article.publisher)) staff">
              <link rel="canonical" href="\(article.url)?copy=\(copy)">
              <link rel="stylesheet" href="/static/css/main.8f3a2c.css">
              <style>
                body{font-family:Georgia,serif;margin:0;color:#222}.site-nav{background:#b80000;color:#fff}
                .site-nav a{color:#fff;padding:0 12px;text-decoration:none}.ad-slot{min-height:250px;background:#f4f4f4}
                article p{line-height:1.6;max-width:40em}.related-link{color:#1a0dab}footer{font-size:.8em;color:#666}
              </style>
              <script type="application/ld+json">
              {"@context":"https://schema.org","@type":"NewsArticle","headline":"\(jsonEscape(article.title))",
               "datePublished":"\(date)","publisher":{"@type":"Organization","name":"\(jsonEscape(article.publisher))"},
               "mainEntityOfPage":"\(article.url)?copy=\(copy)"}
              </script>
              <script>
                window.dataLayer = window.dataLayer || [];
                function gtag(){dataLayer.push(arguments);}
                gtag('js', new Date()); gtag('config', 'UA-000000-\(serial % 7)', {anonymize_ip: true});
                (function(w,d,s){var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;
                 j.src='https://ads.example.net/tag.js?site=news&slot=top&cb='+Math.random();f.parentNode.insertBefore(j,f);
                })(window,document,'script');
              </script>
            </head>
            <body class="article-page">
              <a class="skip-link" href="#main">Skip to content</a>
              <header class="site-header">
                <div class="logo"><a href="/"><img src="/static/img/logo.svg" alt="\(HTMLText.escape(article.publisher))"></a></div>
                <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
                <nav class="site-nav" aria-label="Sections">
                  <ul>
                    <li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
                    <li><a href="/markets">Markets</a></li><li><a href="/politics">Politics</a></li>
                    <li><a href="/technology">Technology</a></li><li><a href="/entertainment">Entertainment</a></li>
                    <li><a href="/sport">Sport</a></li><li><a href="/world">World</a></li>
                    <li><a href="/opinion">Opinion</a></li><li><a href="/video">Video</a></li>
                  </ul>
                </nav>
                <div class="cookie-banner" role="dialog">We use cookies to improve your experience.
                  <button>Accept all</button> <button>Manage settings</button></div>
              </header>
              <div class="ad-slot ad-leaderboard" data-ad-unit="/1234/news/top" id="ad-top-\(serial)">Advertisement</div>
              <main id="main">
                <nav class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a></nav>
                <article class="story">
                  <h1 class="story-headline">\(title)</h1>
                  <div class="byline">By <span class="author">\(HTMLText.escape(article.publisher)) staff</span>
                    · <time datetime="\(date)">\(date)</time></div>
                  <div class="share"><a href="#">Share</a> <a href="#">Email</a> <a href="#">Print</a></div>
                  <div class="story-body">
            \(paragraphs)
                  </div>
                </article>
                <aside class="related" aria-label="Related stories">
                  <h2>Related stories</h2>
                  <ul>
            \(relatedLinks)
                  </ul>
                </aside>
                <div class="ad-slot ad-mpu" data-ad-unit="/1234/news/mpu">Advertisement</div>
                <section class="newsletter"><h2>Get the morning briefing</h2>
                  <form action="/newsletter"><input type="email" placeholder="Email address"><button>Sign up</button></form>
                </section>
              </main>
              <footer class="site-footer">
                <ul><li><a href="/about">About us</a></li><li><a href="/terms">Terms of use</a></li>
                  <li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookies</a></li>
                  <li><a href="/contact">Contact</a></li><li><a href="/accessibility">Accessibility help</a></li></ul>
                <p>Copyright © 2005 \(HTMLText.escape(article.publisher)). All rights reserved. We are not responsible for the
                  content of external sites.</p>
              </footer>
              <script src="/static/js/vendor.4b1e9f.js" defer></script>
              <script src="/static/js/article.c0ffee.js" defer></script>
              <script>document.querySelectorAll('.share a').forEach(function(a){a.addEventListener('click',
                function(e){e.preventDefault();window.open(location.href,'share','width=600,height=400');});});</script>
            </body>
            </html>

            """
    }

    static func jsonEscape(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendJSONString(text, to: &bytes)
        return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
    }
}
