"""Demo content: the alliance's own history, told in German with English translations.

The facts come from the alliance's self-description (founding in June 2009, the
Düsseldorf Declaration, the regional alliance Düsseldorf, the local alliance Dormagen,
the 2009 congress, the Days of Industry 2010, the coordination office's support
services). Companies, people and partner organisations are invented, so the demo
makes no claims about real firms or persons.

Content lives in data modules, German and English side by side; :mod:`.build` turns
it into pages through the same idempotent helpers the importers use.
"""
