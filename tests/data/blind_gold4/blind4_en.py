# ruff: noqa: E501
"""English articles of the fourth blind gold set (format in ``tests/data/heldout_gold/make_heldout_gold.py``).

Written from the rule book (``shared/docs/claim-units.md``) alone, without looking at the segmenter's code or output.
Each entry is (hard-wrap width or 0, spec). All people, outlets, companies, figures and quotes are invented; places
and public institutions are real only as setting. Four clean articles, two with light scrape residue, two hard cases.
"""

ARTICLES: dict[str, tuple[int, str]] = {}

# Clean, local transport (AP style): a byline, a "DENVER (AP) —" dateline on the body's first line, "$2.75", a
# described-then-named speaker, a two-sentence quote attributed afterwards by name (first unit's speaker from the
# later attribution), "opposed …, arguing that" (claim by a described group), a call (called on), "said X … and
# warned that" with a mixed quote, a pledge, "according to agency figures", "Jan. 1." at the end of a sentence,
# a "Related:" line, a caption ending in a period and an AP photo credit.
ARTICLES["en-transit"] = (0, """
T| Denver transit agency approves fare cut to win back riders
B byline| By Jenna Kowalski
B dateline| DENVER (AP) —
+S| The board of Denver's Regional Transportation District voted 11-4 on Tuesday night to cut the standard bus and rail fare from $2.75 to $2, betting that cheaper tickets will bring back riders who never returned after the pandemic.
S| Board chair Alicia Romero said the cut would cost the agency about $18 million a year in lost revenue but could pay for itself within three years if ridership grows as projected. || Alicia Romero | said | indirect
S| "We have spent two years studying this. || >Romero | >said | direct
+S| People told us, over and over, that price was the reason they stayed in their cars," Romero said after the vote. || Romero | said | direct
S| Four board members opposed the plan, arguing that the agency should first reverse service cuts that have left some routes running only once an hour. || Four board members | arguing | indirect
H| Drivers' union wants more hires
S| The union representing the agency's bus operators called on the board to use any new fare revenue to hire at least 200 more drivers.
S| "A cheaper fare means nothing if the bus doesn't come," said Marcus Bell, the local's president. || Marcus Bell | said | direct
S| Bell said drivers had been working mandatory overtime for months and warned that the shortage "is getting worse, not better." || Bell | said | indirect
S| The agency pledged in March to restore pre-pandemic service levels by the end of next year.
S| Ridership stood at about 62% of 2019 levels in September, according to agency figures. || agency figures | according to | indirect
S| The new fare takes effect Jan. 1.
B related| Related: Colorado lawmakers weigh new tax for mountain rail line
B caption| A light rail train leaves Union Station in Denver on Monday, Nov. 4, 2024.
/B credit| (AP Photo/Sam Whitaker)
""")

# Clean, agriculture (Reuters style): "JAÉN, Spain (Reuters) -" dateline, "according to" in mid-sentence (claim),
# a direct quote with "said X, who …" then a quote running into the next paragraph (first paragraph left open,
# second reopened: continuations), "…, the association said in a report", "told reporters … that", a pronoun speaker
# (She said), a call (urged), "declined to comment", agentless "are reported to", a decimal and a reporting credit.
ARTICLES["en-olives"] = (0, """
T| Spanish olive growers brace for third poor harvest as drought drags on
B dateline| JAÉN, Spain (Reuters) -
+S| Olive farmers in southern Spain expect to pick about 30% less fruit than in a normal year, according to the regional farmers' association, the third weak crop in a row after months with almost no rain. || the regional farmers' association | according to | indirect
S| "The trees are alive, but they are exhausted," said Antonio Ruiz, who farms 40 hectares of olives near the town of Úbeda. || Antonio Ruiz | said | direct
+S| "Some of them have not flowered at all this spring. || <Antonio Ruiz | <said | direct
S| "If it doesn't rain this autumn, I don't know how many of us will still be here next year." || <Antonio Ruiz | <said | direct
S| Spain produces almost half of the world's olive oil.
S| Prices at origin have eased from last year's record of 8.9 euros a kilogram but remain roughly double their 2020 level, the association said in a report published on Thursday. || the association | said | indirect
H| Water restrictions
S| The regional government of Andalusia has limited irrigation from reservoirs to 20% of the usual allocation.
S| Regional agriculture minister Inés Carrasco told reporters on Wednesday that the limits would stay in place "until the reservoirs tell us otherwise." || Inés Carrasco | told | indirect
S| She said the government would offer low-interest loans to growers who lose more than half their crop. || <Inés Carrasco | said | indirect
S| Farmers' groups urged Madrid to declare a national agricultural emergency, which would unlock European Union funds.
S| The Ministry of Agriculture in Madrid declined to comment.
S| Some growers are reported to be selling their land to solar developers.
B byline| (Reporting by Elena Márquez; Editing by Paul Sanders)
""")

# Clean, culture (British newspaper): headline colon attribution by a described source, "…, its director, X, said"
# after the content, "Ms X said" (title dropped), a two-sentence quote closed by "she said" (pronoun: nearest
# explicit mention), "according to the museum's catalogue", contentless "welcomed the decision", "told the BBC that",
# a pronoun (He said), a call (urged), agentless "are said to", a relay ("Y said …, according to X": speaker Y),
# a caption and a photo credit on their own lines.
ARTICLES["en-museum"] = (0, """
T| Museum director: looted bronzes will go home by summer || Museum director | : | indirect
B byline| By Oliver Grant, Arts Correspondent
S| The Harrow Museum of World Cultures in London will return 14 bronze sculptures taken from Benin City in 1897 to Nigeria before the end of June, its director, Helen Osei, said on Monday. || Helen Osei | said | indirect
S| Ms Osei said the museum's trustees had approved the transfer unanimously after two years of talks with Nigeria's National Commission for Museums and Monuments. || Osei | said | indirect
S| "These objects were taken by force. || <Osei | >said | direct
+S| Keeping them here was never a neutral choice," she said. || <Osei | said | direct
S| The bronzes, which include a rare cockerel figure, were bought by the museum's founder at an auction in 1903, according to the museum's catalogue. || the museum's catalogue | according to | indirect
H| 'A model for others'
S| Nigerian officials welcomed the decision.
S| Chidi Okafor, a spokesman for the commission, told the BBC that the return showed "what is possible when institutions stop hiding behind the law." || Chidi Okafor | told | indirect
S| He said Nigeria would display the sculptures in a new museum in Benin City due to open in 2026. || <Chidi Okafor | said | indirect
S| Larger national collections in Britain are barred by law from permanently giving away objects, and campaigners have urged ministers to change the law.
S| The museum's trustees are said to have discussed the case with government lawyers last year.
S| A Department for Culture spokesperson said the government had "no plans" to amend the rules, according to The Times. || A Department for Culture spokesperson | said | indirect
B caption| A cockerel figure from the collection on display in 2019
/B credit| Photograph: Harrow Museum of World Cultures
""")

# Clean, courts (British newspaper): a byline with a role, "denied … that" by a named speaker introduced with his age
# and role, "£31.5m", "Mr X told the jury that" (title dropped), a direct quote closed by "he said" (pronoun), "The
# prosecution alleges that" (a source, so a claim, unlike agentless "allegedly"), a plea (no reporting cue), a
# contentless question (asked … why), "He replied that", a direct quote after a colon that runs over two
# paragraphs, and a footer.
ARTICLES["en-trial"] = (0, """
T| Former council chief denies taking bribes over housing contracts
B byline| By Priya Nair, Courts Reporter
S| Graham Madden, 58, the former chief executive of Northfield council, denied in court on Tuesday that he had accepted more than £240,000 in bribes from a building firm that won housing contracts worth £31.5m. || Graham Madden | denied | indirect
S| Mr Madden told the jury at Leeds Crown Court that payments into his wife's bank account were "loans between friends" that he had fully repaid. || Madden | told | indirect
S| "I never once discussed a contract with Mr Hale over dinner or anywhere else," he said. || <Madden | said | direct
S| The prosecution alleges that Madden steered three contracts to Hale Construction, owned by his friend Derek Hale, between 2018 and 2021. || The prosecution | alleges | indirect
S| Mr Hale, 61, is on trial alongside him and has pleaded not guilty to conspiracy to commit bribery.
H| 'I trusted him'
S| Under cross-examination, prosecutor Rachel Dunn asked Mr Madden why the loans had not been recorded in any document.
S| He replied that he had "trusted him completely, as you trust a brother." || <Madden | replied | indirect
S| Ms Dunn told the jury in her opening speech last week: "This was not friendship. || Dunn | told | direct
+S| It was a business arrangement, and the people of Northfield paid for it. || <Dunn | <told | direct
S| "Every pound that went into that account came back many times over in public money." || <Dunn | <told | direct
S| The trial continues.
B footer| © Northfield Evening Post 2024
""")

# Scrape residue, consumer safety: breadcrumbs, a timestamp, one share button per line, a byline, an ad slot, a
# newsletter line, a cookie line, tags and a footer. A speaker named as an organisation after the content (proper
# name without "the"), "according to the FDA", a quote attributed afterwards and a second quote sentence in the same
# paragraph without its own attribution (continuation), "Wis.," inside a sentence, a call (urged), "Dr." before a
# name, a pronoun speaker and agentless "have been reported".
ARTICLES["en-recall"] = (0, """
B nav| Home > Business > Consumer
/T| Baby formula maker recalls 1.2 million cans over bacteria fears
/B timestamp| Published 10:42 AM EST, Thu February 13, 2025
/B share| Facebook
/B share| X
/B share| Email
B byline| By Daniel Reyes
S| A Wisconsin company is recalling about 1.2 million cans of powdered infant formula after routine testing found Cronobacter bacteria at one of its plants, the Food and Drug Administration said Wednesday. || Food and Drug Administration | said | indirect
S| The recall covers 12.5-ounce cans of Little Harbor Gentle formula sold at supermarkets and pharmacies in 31 states, according to the FDA. || FDA | according to | indirect
+S| No illnesses have been reported so far.
B ad| Advertisement
S| "We are taking this step out of an abundance of caution," Little Harbor Nutrition CEO Sandra Pellegrini said in a statement. || Sandra Pellegrini | said | direct
+S| "Nothing matters more to us than the safety of the babies who depend on our products." || <Sandra Pellegrini | <said | direct
S| The company said it had shut down the affected production line in Eau Claire, Wis., and was cleaning it. || The company | said | indirect
S| The FDA urged parents who bought the formula to stop using it and return it for a full refund.
B newsletter| Sign up for our Health Alerts newsletter
B cookie| We use cookies to improve your experience on our site
H| A second scare in three years
S| The recall comes three years after a shutdown at another formula plant caused nationwide shortages.
S| Dr. Helen Brandt, a pediatrician in Milwaukee, told Consumer Wire that most brands on store shelves were unaffected and that parents had other options. || Helen Brandt | told | indirect
S| She said she had already fielded dozens of calls from worried parents this week. || <Helen Brandt | said | indirect
B tags| Tags: Recalls, FDA, Infant formula
B footer| © 2025 Consumer Wire
""")

# Scrape residue, wildfire: breadcrumbs with pipes, an "Update:" editorial label, a timestamp with "p.m." and
# "Oct.", a byline with a pipe, a "SANTA ROSA, Calif. —" dateline, "4,300", a rank before a name, "4 p.m." inside a
# sentence, a pronoun speaker, an ad slot, a call (urged), a sentence ending in "p.m." followed by one starting with
# an organisation whose name ends in "Co.", a contentless "described", "said X, 46, who …", agentless "reportedly",
# share, newsletter, related and footer lines.
ARTICLES["en-wildfire"] = (0, """
B nav| News | California | Wildfires
/T| Evacuations ordered as wind-driven fire spreads near Santa Rosa
B label| Update: This story has been updated with new evacuation zones.
B timestamp| Updated 6:15 p.m. PDT, Oct. 9, 2024
/B byline| By Kelsey Moran | Staff Writer
B dateline| SANTA ROSA, Calif. —
+S| A fast-moving wildfire pushed by gusts of up to 55 mph forced thousands of residents from their homes in the hills east of Santa Rosa on Wednesday, fire officials said. || fire officials | said | indirect
S| The Oakmont Ridge Fire had burned about 4,300 acres and was 5% contained by late afternoon, according to Cal Fire. || Cal Fire | according to | indirect
S| "The wind is doing exactly what we feared it would do," Cal Fire Battalion Chief Luis Ortega said at a 4 p.m. briefing. || Luis Ortega | said | direct
S| He said crews were focusing on protecting homes along Highway 12 and that air tankers had been grounded for two hours because of the wind. || <Luis Ortega | said | indirect
B ad| ADVERTISEMENT
S| Sonoma County Sheriff Tom Keller urged residents in the Oakmont area to leave immediately and not wait for a knock on the door.
S| About 9,000 people were under evacuation orders as of 5 p.m.
+S| Pacific Gas and Electric Co. said it had cut power to roughly 22,000 customers to reduce the risk of new ignitions. || Pacific Gas and Electric Co. | said | indirect
H| 'That was it'
S| Residents described a chaotic scene.
S| "I grabbed the dog and the passports and that was it," said Marisol Vega, 46, who fled her home on Pythian Road. || Marisol Vega | said | direct
S| The cause of the fire is under investigation.
+S| Some residents reportedly saw sparks from a power line shortly before the fire began.
B share| Share this article
B newsletter| Get breaking news alerts delivered to your inbox
B related| More from California
/B related| Lake Tahoe towns weigh limits on short-term rentals
B footer| Copyright 2024 North Bay Herald
""")

# Hard case, science (UPI wire): a headline "X say …" claim, a "PROVO, Utah, Dec. 23 (UPI) --" dateline, "Dr.",
# "Utah Route 210", quotes opened and closed with ” (U+201D), a second quoted sentence in the same paragraph
# (continuation), "U.S." inside names and before a comma, "$2.3 million", "according to Maj. Gen. X" ending a
# sentence, "Calif.," and "Alaska," inside a sentence, "declined to say" (no content), an in-quote ellipsis, a mixed
# quote ("…,” she said, adding that …": indirect), "2.5%", and "6 a.m. on Jan. 2,".
ARTICLES["en-avalanche"] = (0, """
T| BYU researchers say new sensor can spot avalanches minutes earlier || BYU researchers | say | indirect
B dateline| PROVO, Utah, Dec. 23 (UPI) --
+S| A sensor network developed at Brigham Young University can detect the first movement of an avalanche up to four minutes before it reaches a road, researchers said Monday. || researchers | said | indirect
S| The team, led by Dr. Anika Sorensen, tested 48 ground sensors on slopes above Utah Route 210 in Little Cottonwood Canyon last winter, the university said in a statement. || the university | said | indirect
S| ”We picked up vibrations from slides that nobody saw and nobody heard,” Sorensen said. || Sorensen | said | direct
+S| ”For a canyon road that carries 7,000 cars a day in ski season, that's a big deal.” || <Sorensen | <said | direct
S| The U.S. Forest Service says avalanches kill an average of 27 people a year in the U.S., most of them backcountry skiers. || U.S. Forest Service | says | indirect
H| Army backing
S| The project received $2.3 million from the U.S. Army Corps of Engineers, which wants to use the technology to protect roads and dams, according to Maj. Gen. Robert Haines. || Robert Haines | according to | indirect
S| In a phone interview, Haines said the Corps hoped to test the sensors near Mammoth Lakes, Calif., and Valdez, Alaska, by early 2026. || Haines | said | indirect
+S| He declined to say how many sites were under consideration.
S| ”We still get false alarms … a snowcat, a big truck, even a moose once,” she said, adding that the error rate had fallen to under 2.5% after a software update in February. || <Sorensen | said | indirect
S| Utah Department of Transportation crews will begin using the system at 6 a.m. on Jan. 2, the agency said. || the agency | said | indirect
""")

# Hard case, explainer hard-wrapped at 72 columns: a headline with a label colon (Explainer:, no claim), a byline
# and a "(CNN) --" dateline on the body's first line, question headings, a bullet list of sentences (one unit each,
# no claims), "Consumer groups had long said", a two-sentence quote attributed afterwards by name, an organisation as
# speaker, "told CNN … that" with a name in commas, a pronoun in a call (not a claim), "According to" opening a
# sentence, "€600", and a "Read more:" line.
ARTICLES["en-explainer"] = (72, """
T| Explainer: What Europe's new airline refund rules mean for travelers
B byline| By Hannah Cole, CNN
B dateline| (CNN) --
+S| European Union lawmakers on Tuesday approved changes to the bloc's air passenger rights rules, the first overhaul in two decades.
+S| Here is what the changes mean for travelers.
H| What changes?
S| The new rules make three main changes.
/S| • Airlines must refund cancelled tickets within seven days, in cash unless the passenger agrees to a voucher.
/S| • Compensation for delays of more than three hours stays at up to €600 per passenger.
/S| • Passengers can claim through a single EU online form instead of contacting each airline.
H| Who pushed for it?
S| Consumer groups had long said airlines used vouchers to hold on to passengers' money. || Consumer groups | said | indirect
S| "For years, people waited months for money that was theirs. || >Agnès Laurent | >said | direct
+S| That ends now," said Agnès Laurent, a French member of the European Parliament who led negotiations on the file. || Agnès Laurent | said | direct
H| What do airlines say?
S| The European Airline Council, an industry group, said the rules would raise costs and "inevitably" push up fares. || European Airline Council | said | indirect
S| The group's director general, Stefan Brück, told CNN on Wednesday that carriers had already cut average refund times to under three weeks. || Stefan Brück | told | indirect
S| He called on the European Commission to delay the new rules until airports fix staff shortages.
H| When do the rules apply?
S| According to the European Parliament, the rules take effect 18 months after they are published in the EU's Official Journal, which is expected early next year. || European Parliament | According to | indirect
S| EU member states still need to formally approve the text, a step usually seen as a formality.
B read_also| Read more: Flight delays and how to claim compensation
""")
