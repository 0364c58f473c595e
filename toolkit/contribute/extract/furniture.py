"""Page furniture: the lines of a web page that are not the article's prose, and are never drafted from.

A page as a contributor saves it carries, around the article, lines that name people and dates and even
speak of freeing without saying anything of the article's events: the byline ("By A and B", or "A, B, Outlet
News" with no "By"), timestamps ("Updated 11 September 2025, 14:32"), photo captions and credits ("... (Photo:
Agency)"), the headlines of other articles under "Read also" or "Related articles", and the site's own words
("Advertisement", "Share", "Follow"). Each is recognised by its shape, line by line, never by an outlet's wording.
"""

from __future__ import annotations

import re

BYLINE = re.compile(r"^\s*(?:(?:Written|Reported|Words|Reporting|Story|Text)\s+)?[Bb]y\s+(?:[A-Z][\w’'.-]*\s*(?:,|and|&)?\s*){1,8}"
                    r"(?:\s*[|/,–—-]\s*[^\n]{0,40})?$")
# A byline with no "By": names only, then the outlet, a word that names one ("Wire Service", "Daily News"), and
# perhaps "on" and the date the page cut off ("A B, C D, Sample Wire Service on").
OUTLET_WORDS = r"(?:News|Newswire|Wire|Service|Press|Agency|Times|Post|Herald|Tribune|Journal|Gazette|Daily|Weekly|Staff)"
BYLINE_TAIL = re.compile(rf"^\s*[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,3}}(?:\s*(?:,|and|&)\s*[A-Z][\w’'.-]+"
                         rf"(?:\s+[A-Z][\w’'.-]+){{1,3}})*\s*[,|/–—-]\s*(?:[A-Z][\w&’'.-]*\s+){{0,3}}{OUTLET_WORDS}"
                         rf"(?:\s+(?:on|at)\b[^\n]{{0,40}})?\s*$")
TIMESTAMP = re.compile(r"^\s*(?:(?:Last\s+)?[Uu]pdated|[Pp]ublished|[Pp]osted|First\s+published|Modified)\b[^\n]{0,80}$|"
                       r"^\s*(?:\w+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+(?:19|20)\d\d"
                       r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$|"
                       r"^\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*$|^\s*\d+\s+min(?:ute)?s?\s+read\s*$",
                       re.IGNORECASE)
# The site's own words: a short line made only of them is the page talking, not the article.
SITE_WORDS = re.compile(r"^\s*(?:(?:advertisement|advertising|sponsored|share|shares|share\s+this(?:\s+article|\s+story)?|follow|"
                        r"follow\s+us|short\s+url|subscribe|sign\s+in|sign\s+up|log\s+in|newsletter|print|email|comments?|"
                        r"copy\s+link|listen|listen\s+to\s+this\s+article|no\s+result|view\s+all\s+results?|home|menu|search|"
                        r"skip\s+to\s+(?:main\s+)?content|in\s+\w+|most\s+read|trending|top\s+stories|more\s+stories|"
                        r"continue\s+reading|story\s+continues\s+below|\d+\s+comments?)[\s|·•]*)+$", re.IGNORECASE)
CREDIT = re.compile(r"(?:\((?:[^()\n]{0,60}/)?\s*(?:Photo|Photograph|Image|Picture|Video|File|Credit)s?\b[^()\n]{0,80}\)|"
                    r"\((?:AP|AFP|Reuters|EPA|Getty(?:\s+Images)?|Reuters/File|AP\s+Photo)[^()\n]{0,60}\)|"
                    r"\b(?:Photo|Photograph|Image|Picture|Screenshot|Credit)s?(?:\s+(?:source|credit))?\s*:\s*[^\n]{0,80}|"
                    r"\bScreenshot\s+from\b[^\n]{0,80}|\b(?:Getty\s+Images|AFP\s+via\s+Getty\s+Images)|"
                    # "... May 9, 2024. Anna Kowal/Pool via REUTERS", "... REUTERS/Anna Kowal": an agency's credit
                    r"\b(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,3}(?:/\w+)?\s+via\s+"
                    r"(?-i:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|Getty\s+Images)\.?|"
                    r"\b(?-i:REUTERS|AFP|EPA|EPA-EFE)/(?-i:[A-Z])[\w .'’-]{1,40}|"
                    r"^\s*(?:(?-i:[A-Z])[\w.'’-]+\s+){1,3}(?-i:[A-Z])[\w.'’-]+/(?-i:Reuters|REUTERS|AFP|AP|EPA|Getty\s+Images)|"
                    # "... January 25, 2026. — Reuters pic", "— Picture by A. Name": a credit after a dash
                    r"\s[—–]\s*(?:(?:(?-i:[A-Z])[\w.&/-]*|via)\s+){1,4}(?:pic|photo|picture)s?\.?|"
                    r"\s[—–]\s*(?:pic(?:ture)?|photo)s?\s+(?:by|via|courtesy\s+of)\s[^\n]{0,60})\s*$", re.IGNORECASE)
LINKS = re.compile(r"^\s*(?:Explore\s+further|Read\s+more|Read\s+also|Also\s+read|Related(?:\s+(?:articles?|stories|"
                   r"news|content|coverage|reading))?|See\s+also|More\s+on\s+this(?:\s+story)?|Recommended(?:\s+for\s+you)?|"
                   r"You\s+may\s+also\s+like|More\s+from\s+\w+|Latest\s+news|Most\s+popular)\s*:?\s*$",
                   re.IGNORECASE | re.MULTILINE)
INLINE_LINK = re.compile(r"^\s*(?:READ\s+MORE|Read\s+more|Read\s+also|Also\s+read|Related|See\s+also)\s*:\s*\S[^\n]*$")


def furniture(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of page furniture, in text order."""
    spans = []
    offset = 0
    lines = text.split("\n")
    after_links = False
    for number, line in enumerate(lines):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        if after_links and _link_line(line, first=after_links == "first"):
            spans.append((start, end))
            after_links = True
            continue
        after_links = False
        if LINKS.match(line):
            spans.append((start, end))
            after_links = "first"
        elif INLINE_LINK.match(line) or BYLINE.match(line) or BYLINE_TAIL.match(line) or TIMESTAMP.match(line) or \
                SITE_WORDS.match(line) or _caption(line):
            spans.append((start, end))
    return spans


def _link_line(line: str, first: bool) -> bool:
    """A line under "Read also" or "Related": the first always (another article's headline), then each
    bulleted link or headline in title case; a line in sentence case after them is the article again
    (its next subheading)."""
    stripped = line.strip()
    if first or re.match(r"[-•*·]\s", stripped):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", stripped) if len(w) > 3]
    return len(stripped) < 140 and not re.search(r"[.!?\"”’]$", stripped) and len(words) >= 3 and \
        sum(w[0].isupper() for w in words) >= 0.8 * len(words)


POSITION = re.compile(r"\b[A-Z][\w’'.-]*\s+\((?:(?:second|third|far|front|back|top|bottom|centre|center)\s+)?(?:left|right|centre|center|"
                      r"[lrc]\.|front|back|row)\)")  # not "(R)" nor "(L)": a party's letter
"""Where a person named stands in a photo: "X (second right)", "Y (left)", "Z (C)", "W (r.)"."""


def _caption(line: str) -> bool:
    """A photo's caption: a paragraph that ends with the photo's credit ("... (Photo: Agency)",
    "... (Reuters/File)"), or that is the credit alone ("Photo: A. Name / Agency"), or that says where the people it
    names stand ("President X (second right) shakes hands with ...")."""
    return bool(CREDIT.search(line)) or bool(POSITION.search(line))
