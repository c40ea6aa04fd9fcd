# ruff: noqa: E501
"""English articles written for the held-out gold, in styles the news gold lacks (format in make_heldout_gold.py).

Each entry is (hard-wrap width or 0, spec). All names, figures and quotes are invented for this test set.
"""

ARTICLES: dict[str, tuple[int, str]] = {}

# A wire story dense with abbreviations (Gen., Lt. Col., U.N., a.m., p.m., Jan., No. 2, Inc., Dept.) mid-sentence and
# sentence-final, a relay ("X warned ..., according to Y"), and a (Reporting by ...; Editing by ...) footer.
ARTICLES["w-wire-abbrev"] = (0, """
T| U.N. envoy says Sudan ceasefire talks to resume next week || U.N. envoy | says | indirect
B dateline| GENEVA, Jan. 12 (Reuters) -
+S| The U.N. special envoy for Sudan, Ramtane Lamamra, said on Friday that indirect talks between the army and the Rapid Support Forces would resume in Jeddah at 10 a.m. on Jan. 19. || Ramtane Lamamra | said | indirect
S| "Both delegations have confirmed their attendance. || >Lamamra | >told | direct
+S| We are cautiously optimistic," Lamamra told reporters at the Palais des Nations shortly before 4 p.m. || Lamamra | told | direct
+S| Army chief Gen. Abdel Fattah al-Burhan, who met U.S. envoy Tom Perriello in Port Sudan on Jan. 9, has not commented publicly.
S| Malik Agar, the No. 2 in the army-backed Sovereignty Council, said on Thursday that the army would attend "in good faith". || Malik Agar | said | indirect
S| A spokesman for the RSF, Lt. Col. Al-Fateh Qurashi, said the group was ready to sign a truce but accused the army of shelling El Fasher at around 6 a.m. Thursday. || Al-Fateh Qurashi | said | indirect
S| The U.S. and Saudi Arabia co-chair the talks.
+S| Washington has pledged $50 mln in new humanitarian aid, the State Dept. said in a statement on Wednesday. || State Dept. | said | indirect
S| Relief agencies warned that food stocks in North Darfur would run out by the end of Feb., according to a U.N. report released at 11 a.m. in New York. || Relief agencies | warned | indirect
S| Shares of Gulf telecom group Zain Sudan Holdings Inc. fell 3.5% in Dubai, the exchange said. || the exchange | said | indirect
S| The fighting, which began on April 15, 2023, has killed at least 13,000 people, according to the Armed Conflict Location & Event Data Project (ACLED). || Armed Conflict Location & Event Data Project | according to | indirect
B footer| (Reporting by Emma Farge in Geneva and Khalid Abdelaziz in Dubai; Writing by Aidan Lewis; Editing by Alex Richardson)
""")

# A live blog: timestamp lines, "Update:" labels standing before the text on the same line, a question.
ARTICLES["w-liveblog"] = (0, """
T| Storm Eleanor live updates: flights cancelled, thousands without power
B byline| By Hannah Price and Tom Ellis
/B timestamp| Last updated 3:42 p.m. GMT, Wed Jan. 3, 2024
B timestamp| 3:40 p.m.
/B label| Update:
+S| Dutch rail operator NS said all trains between Amsterdam and Utrecht would stop running from 5 p.m. || NS | said | indirect
S| "Safety comes first. || >Wouter Koolmees | >said | direct
+S| We will restart as soon as the tracks are clear," chief executive Wouter Koolmees said in a video posted on X. || Wouter Koolmees | said | direct
B timestamp| 2:55 p.m.
/S| More than 120,000 homes in Brittany are without power, grid operator Enedis said. || Enedis | said | indirect
+S| Wind gusts of up to 160 km/h (99 mph) were recorded at Pointe du Raz, according to Meteo-France. || Meteo-France | according to | indirect
B timestamp| 1:30 p.m.
/B label| Update:
+S| Schiphol airport has cancelled 300 flights, a spokeswoman told Reuters. || a spokeswoman | told | indirect
+S| Passengers were urged not to travel to the airport.
B timestamp| 12:15 p.m.
/S| Police in Germany's Lower Saxony state said a 47-year-old driver was killed when a tree fell on his car near Hanover. || Police in Germany's Lower Saxony state | said | indirect
S| Is the storm linked to climate change?
+S| Scientists say warmer seas are making such storms wetter, though not necessarily more frequent. || Scientists | say | indirect
S| "We are seeing more rain per storm than we did 30 years ago," said Friederike Otto of Imperial College London. || Friederike Otto | said | direct
B read_also| Read our full coverage of Storm Eleanor here.
/B share| Share
""")

# Bullet lists (items with and without a final period), a heading, photo captions with a separate credit line and
# with the credit run into the caption.
ARTICLES["w-bullets-caption"] = (0, """
T| What the new EU AI rules mean for businesses
B byline| By Priya Natarajan, Technology Correspondent
/B timestamp| Published Feb. 2, 2024
B caption| Thierry Breton, the EU's internal market commissioner, at a news conference in Brussels on Dec. 9, 2023.
/B credit| Photo: Johanna Geron/Reuters
S| European Union countries on Friday endorsed the AI Act, the world's first comprehensive rules for artificial intelligence.
S| The European Commission says the law will "protect fundamental rights while supporting innovation". || European Commission | says | indirect
S| Here is what the rules require:
/S| • A ban on "social scoring" systems and on most real-time facial recognition in public places.
/S| • Risk assessments and human oversight for AI used in hiring, credit scoring and critical infrastructure
/S| • Transparency duties for general-purpose models such as OpenAI's GPT-4, including summaries of training data
S| Fines can reach 35 million euros or 7% of global turnover, whichever is higher.
H| What businesses say
S| Industry groups are divided.
+S| DigitalEurope, which represents Apple, Google and SAP among others, warned that the rules could push start-ups to move abroad. || DigitalEurope | warned | indirect
S| "The compliance costs will fall hardest on small firms," said Cecilia Bonefeld-Dahl, the group's director general. || Cecilia Bonefeld-Dahl | said | direct
B caption| Visitors look at a humanoid robot at the Mobile World Congress in Barcelona, Spain, Feb. 27, 2023. REUTERS/Nacho Doce
S| Consumer group BEUC said the law left too many gaps, particularly for emotion recognition in shops. || BEUC | said | indirect
H| Key dates
/S| • Feb. 2, 2025: bans on prohibited practices apply
/S| • Aug. 2, 2025: rules for general-purpose AI models apply
/S| • Aug. 2, 2026: most other obligations apply
S| Officials in Brussels expect the first fines in 2026. || Officials in Brussels | expect | indirect
B footer| Additional reporting by Foo Yun Chee in Brussels.
/B share| Share this article
""")
