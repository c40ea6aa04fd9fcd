# ruff: noqa: E501
"""English articles of the segmentation blind check (format in ``tests/data/heldout_gold/make_heldout_gold.py``).

Written from the rule book only, before the segmenter rule work they check, in layouts the news and held-out gold
lack. Each entry is (hard-wrap width or 0, spec). All names, outlets, figures and quotes are invented.
Claim fields follow rules 6-12; interview answers carry no reporting cue of their own and are not claim units
unless they attribute something to a source.
"""

ARTICLES: dict[str, tuple[int, str]] = {}

# A news page saved as text by a scraper: site navigation lines, a cookie notice, a breadcrumb, share buttons, a
# caption with its credit in parentheses on the next line, an advertisement slot, a pull quote repeating a body
# quote, a newsletter box, a correction notice, "Related:" links, topic tags and the site footer.
ARTICLES["b-scraped-drought"] = (0, """
B nav| Skip to content
/B nav| The Harbour Herald
/B nav| World
/B nav| Politics
/B nav| Business
/B nav| Climate
/B nav| Opinion
/B nav| Sign in
/B nav| Subscribe
B cookie| We use cookies to give you the best experience on our site. By clicking "Accept all", you agree to our use of cookies. Manage preferences
/B cookie| Accept all
B nav| Climate > Europe
T| Catalonia rations water for 6 million people as drought deepens
B byline| By Lucia Ferran in Barcelona and Mark Hollis
/B timestamp| Updated 9:05 a.m. ET, Feb. 2, 2024
/B timestamp| 5 min read
B share| Share on Facebook
/B share| Share on X
/B share| Copy link
B caption| The Sau reservoir in Vilanova de Sau, where water levels have fallen to 1% of capacity, on Jan. 31, 2024.
/B credit| (Emilio Marquina/AP)
S| Catalonia declared a drought emergency on Thursday for Barcelona and 201 other towns, imposing the toughest water restrictions the region has seen in decades.
S| Regional president Jordi Valls said the measures were "painful but unavoidable" after 40 months of below-average rainfall. || Jordi Valls | said | indirect
S| Under the new rules, daily use is capped at 200 liters per person, farms must cut irrigation by 80% and industry by 25%.
+S| Filling swimming pools is banned, as is washing cars outside licensed car washes.
S| "We have never been in a situation like this," the region's climate minister, David Rius, told reporters in Barcelona. || David Rius | told | direct
+S| "The rain we need is simply not coming." || <David Rius | <told | direct
B ad| Advertisement
S| Reservoirs in Catalonia's internal basins held 16% of their capacity on Thursday, according to the Catalan Water Agency. || Catalan Water Agency | according to | indirect
S| The agency said the desalination plant at El Prat, the largest in Europe for drinking water, was running at its full capacity of 80 cubic hectometers a year. || The agency | said | indirect
S| Barcelona's water company said it had cut leaks by 7% since last spring. || Barcelona's water company | said | indirect
B pull_quote| "We have never been in a situation like this."
/B pull_quote| — David Rius, Catalan climate minister
S| Farmers' unions protested outside the regional parliament on Friday.
+S| Joan Casals, a spokesman for the growers' union Unio Pagesa, said fruit farmers in Lleida faced "ruin" if the restrictions lasted beyond the summer. || Joan Casals | said | indirect
S| Temperatures in the region have risen by about 1.7 C since pre-industrial times, the Catalan Meteorological Service says. || the Catalan Meteorological Service | says | indirect
B newsletter| Sign up for Climate Weekly
/B newsletter| The week's biggest climate stories, in your inbox every Friday.
/B newsletter| Enter your email address
/B newsletter| Sign up
S| The government in Madrid has offered to ship drinking water to Barcelona by tanker from Valencia if needed.
+S| Spain's environment minister, Teresa Robles, said on Friday that the ships "are a last resort, not a plan". || Teresa Robles | said | indirect
B correction| Correction: An earlier version of this article misstated the capacity of the El Prat desalination plant. It is 80 cubic hectometers a year, not 60.
B related| Related:
/B related| Europe's hottest year on record, in five charts
/B related| Why Spain is betting on desalination
/B related| Olive oil prices hit a record as harvests fail
B tags| Topics: Drought, Spain, Water, Climate crisis
B footer| © 2024 The Harbour Herald. All rights reserved.
/B footer| About us | Contact | Terms of use | Privacy policy | Cookie settings
""")

# A Q&A interview: questions as paragraphs of their own (one an imperative without a question mark), multi-sentence
# answers with abbreviations at sentence end before a capitalised sentence (R.S.F., U.S.) and inside sentences
# (I.P.C., a.m.), an editor's note, a caption with a "Credit:" line, an author bio and read-more links.
ARTICLES["b-qa-interview"] = (0, """
B nav| Interviews
T| Q&A: The U.N.'s top aid official in Sudan on famine, access and money
B byline| By Sarah Whitman, Global Affairs Editor
/B timestamp| April 3, 2024 at 7:00 a.m. EDT
B caption| Amina Kourouma-Hale at a U.N. warehouse in Port Sudan on March 28, 2024.
/B credit| Credit: Ahmed Yousif for The Ledger
S| Amina Kourouma-Hale has been the United Nations' humanitarian coordinator in Sudan since 2022.
+S| Almost a year into the war between the army and the Rapid Support Forces, she spoke to The Ledger by phone from Port Sudan about hunger, blocked convoys and an appeal that is barely funded.
B note| This interview has been edited for length and clarity.
S| How bad is the hunger situation right now?
S| It is the worst I have seen in 25 years of this work.
+S| About 18 million people are acutely hungry, and some five million are one step away from famine.
+S| In parts of Darfur and Kordofan, families are eating leaves.
S| Is famine already happening?
S| We don't declare famine; the I.P.C. does, and it needs data we cannot collect because we cannot get in.
+S| But when I meet a mother in Tawila who has buried two children in a month, I don't need a report to tell me what it is.
S| What stops the aid from getting through?
S| Three things: fighting, permits and money.
+S| Convoys wait weeks for clearance at the Adre crossing, and then they pass through checkpoints run by the R.S.F.
+S| Last month one convoy of 28 trucks waited 11 days.
+S| The World Food Program says 40 trucks are waiting at Adre right now. || The World Food Program | says | indirect
S| The appeal for Sudan this year is $2.7 billion.
+S| How much has arrived?
S| About 6%.
+S| The largest single donor so far is the U.S.
+S| Most others have given far less than last year, partly because of Gaza and Ukraine.
S| What would you ask of the generals?
S| Open the crossings, all of them, and keep them open.
+S| Stop shooting at aid workers: 22 have been killed since April.
+S| A driver of ours was shot at 6 a.m. on a road that both sides had told us was safe.
S| Tell us about your own team.
S| Most of our national staff have lost their homes, and some have lost family members.
+S| They keep working anyway.
+S| That, honestly, is what keeps me going.
B footer| Sarah Whitman is The Ledger's global affairs editor. She reported from Chad and Sudan in 2023.
B read_also| Read more:
/B read_also| Inside the camps of eastern Chad
/B read_also| Sudan's war, explained
B share| Share this interview
""")
