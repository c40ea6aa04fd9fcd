# ruff: noqa: E501
"""English articles of the third blind gold set (format in ``tests/data/heldout_gold/make_heldout_gold.py``).

Written from the rule book (``shared/docs/claim-units.md``) alone, without looking at the segmenter's code or output.
Each entry is (hard-wrap width or 0, spec). All names, outlets, companies, figures and quotes are invented; places
and institutions are real only as setting. Five clean articles, two with light scrape residue, three hard cases.
"""

ARTICLES: dict[str, tuple[int, str]] = {}

# Clean, politics (AP style): a byline, an "(AP) —" dateline on the first line of the body, "Sen." and a state
# abbreviation followed by a comma ("D-N.M.,"), a two-sentence quote attributed afterwards with a pronoun ("she said"),
# a speaker introduced by "said" after the quote, "declined to comment" (no content), "according to" two officials,
# a "Related:" line, a caption with an AP photo credit.
ARTICLES["en-senate"] = (0, """
T| Senate passes bill to expand veterans' burn-pit benefits
B byline| By Laura Mendes and Kevin O'Hara
B dateline| WASHINGTON (AP) —
+S| The Senate voted 71-27 on Tuesday to extend health benefits to an estimated 400,000 more veterans exposed to toxic burn pits, sending the measure to the House.
S| Sen. Maria Delgado, D-N.M., who wrote the bill, said it would "finally close the gap" left by a 2022 law that covered only some deployments. || Maria Delgado | said | indirect
S| "These men and women did what we asked of them. || <Maria Delgado | >said | direct
+S| They should not have to fight their own government for care," she said on the Senate floor. || <Maria Delgado | said | direct
S| The Congressional Budget Office has said the expansion would cost about $12.4 billion over 10 years. || Congressional Budget Office | said | indirect
H| Opposition from budget hawks
S| Sen. Tom Whitfield, R-Kan., said the bill lacked any offsetting cuts and warned it would "add to a debt that is already out of control." || Tom Whitfield | said | indirect
S| Whitfield offered an amendment to cap spending at $8 billion, which failed 38-60.
S| Asked whether the House would take up the bill before the August recess, a spokesman for Speaker Dan Kessler declined to comment.
S| Veterans' groups have lobbied for the change for years.
+S| "It's a good day, but it's not over," said Angela Ruiz, legislative director of the group Veterans for Fair Care. || Angela Ruiz | said | direct
S| President Ellis is expected to sign the bill if it clears the House, according to two White House officials. || two White House officials | according to | indirect
+S| The officials spoke on condition of anonymity because they were not authorized to discuss the matter publicly.
B related| Related: Pentagon to review burn-pit exposure records
B caption| Sen. Maria Delgado speaks to reporters at the Capitol on Tuesday, July 16, 2024.
/B credit| (AP Photo/Mark Tenney)
""")

# Clean, economy (Reuters style): a "CITY, Month day (Reuters) -" dateline, percentages with decimals, an organisation
# named in full then by its abbreviation, a direct quote attributed afterwards ("said X, title at Y"), a heading
# ending in a question mark, a relay ("Y said ..., according to a transcript ..."), "U.S." inside a sentence, a
# mid-sentence attribution ("..., the ONS said, while ..."), a (Reporting by ...) footer.
ARTICLES["en-uk-inflation"] = (0, """
T| UK inflation falls to 2.3%, lowest in nearly three years
B dateline| LONDON, May 22 (Reuters) -
+S| British consumer price inflation fell to 2.3% in April from 3.2% in March, its lowest since July 2021, the Office for National Statistics said on Wednesday. || Office for National Statistics | said | indirect
S| It was the biggest monthly drop in the rate since October.
S| Finance minister Rachel Ames said the figures showed "the plan is working," but added that many families were still struggling with high prices. || Rachel Ames | said | indirect
S| Services inflation, which the Bank of England watches closely, eased only to 5.9% from 6.0%.
S| "That is the number that matters for the bank, and it is still far too high," said Priya Lal, chief UK economist at Northgate Capital. || Priya Lal | said | direct
H| Rate cut in June?
S| Financial markets cut their bets on a June interest rate cut after the data, pricing in a roughly 15% chance compared with 50% before the release.
S| Two members of the bank's Monetary Policy Committee voted for a cut this month.
+S| Deputy Governor Owen Pryce said last week that he wanted to see "more evidence" before backing a cut, according to a transcript of a speech published by the bank. || Owen Pryce | said | indirect
S| The pound rose 0.4% against the U.S. dollar to $1.2760 after the figures were released.
S| Food inflation slowed to 2.9%, the ONS said, while energy bills fell after the regulator cut its price cap in April. || ONS | said | indirect
B footer| (Reporting by Daniel Hart and Nadia Osei; Editing by Helen Mercer)
""")

# Clean, health: a headline with "officials say", a byline and a date, a "CITY, State —" dateline, a described source
# then "the officials said", "Dr." before a name, "warned that", a two-sentence quote attributed afterwards with
# "he said", "according to" a state agency, a call ("urged"), agentless hearsay ("are said to"), a caption with
# credit, a "Read more:" line.
ARTICLES["en-measles"] = (0, """
T| Measles cases in Texas county climb to 48, officials say || officials | say | indirect
B byline| By Jordan Reyes
/B timestamp| March 4, 2024
B dateline| LUBBOCK, Texas —
+S| Pinto County health officials said Monday that the number of measles cases linked to an outbreak in the area had risen to 48, up from 24 a week earlier. || Pinto County health officials | said | indirect
S| Most of the patients are children between 5 and 17 who had not been vaccinated, the officials said. || the officials | said | indirect
+S| Thirteen have been hospitalized.
S| Dr. Alan Brewer, the county's health authority, warned that the true number of infections was "almost certainly higher." || Alan Brewer | warned | indirect
S| "Measles is one of the most contagious diseases we know. || <Alan Brewer | >said | direct
+S| One case in a school can become 20 in two weeks," he said at a briefing in Lubbock. || <Alan Brewer | said | direct
H| Vaccination rates falling
S| Statewide, about 94% of kindergartners had received both doses of the MMR vaccine in the 2022-23 school year, according to the Texas Department of State Health Services. || Texas Department of State Health Services | according to | indirect
S| In Pinto County, the rate was below 82%, the lowest in the region.
S| The state agency urged parents to check their children's vaccination records and to keep sick children at home.
S| The Centers for Disease Control and Prevention said in a statement that it had sent a team of three epidemiologists to assist local officials. || Centers for Disease Control and Prevention | said | indirect
S| Some parents in the area are said to have kept their children home from school since the first cases were reported.
B caption| A sign outside a clinic in Seminole, Texas, offers free measles vaccinations on Feb. 27, 2024.
/B credit| (Photo by Ryan Cole/Lubbock Ledger)
B read_also| Read more: What to know about measles symptoms and vaccines
""")

# Clean, courts: "Inc." and "Co." inside sentences, "U.S. District Judge", a company's direct quote with "according to"
# that is not an attribution, "the company said" (a noun phrase as written), a request (asked for: not a claim), a
# pronoun resolved to a named lawyer, a state abbreviation ending a sentence ("Ark.") before a capitalised sentence,
# a pledge, a contact footer.
ARTICLES["en-court"] = (0, """
T| Jury orders Harbor Foods to pay $38 million in price-fixing case
B byline| By Melissa Grant, Courts Reporter
/B timestamp| Published 5:12 p.m. CT Oct. 9, 2024
S| A federal jury in Chicago on Tuesday found Harbor Foods Inc. liable for conspiring with two other poultry processors to inflate chicken prices and ordered it to pay $38 million to a group of restaurant chains.
S| The verdict came after a six-week trial before U.S. District Judge Karen Liu.
S| Harbor Foods said in a statement that it "strongly disagrees" with the verdict and would appeal. || Harbor Foods | said | indirect
S| "We competed fairly and priced our products according to market conditions," the company said. || the company | said | direct
S| Lawyers for the restaurant chains, led by the Denver-based firm Moss & Patel LLP, had asked for $115 million.
S| Jurors rejected their argument that the conspiracy lasted until 2019, finding it ended in 2016.
H| Two other defendants settled
S| The two other processors, Gold Valley Farms and Prairie Poultry Co., settled before trial for a combined $21 million without admitting liability.
S| Plaintiffs' attorney Ben Moss said the verdict sent "a clear message to an industry that thought it could rig prices without consequences." || Ben Moss | said | indirect
S| He told reporters outside the courthouse that his clients would also seek an injunction. || <Ben Moss | told | indirect
S| Judge Liu is scheduled to hear post-trial motions on Nov. 18.
S| Harbor Foods employs about 9,000 people and is based in Springdale, Ark.
+S| Its shares fell 2.1% in after-hours trading.
S| The company pledged to cooperate fully with a separate Justice Department investigation.
B footer| Contact Melissa Grant at mgrant@example.com.
""")

# Clean, sport: a headline attribution by colon with a first-person quote in single quotes (direct), "No. 9 seed",
# set scores, a three-sentence quote attributed in its last sentence, a pronoun ("He said") resolved to the player,
# a quote attributed with "told reporters" and continued in the next sentence, a temperature with a decimal.
ARTICLES["en-tennis"] = (0, """
T| Lindqvist after Open exit: 'I'm not done yet' || Lindqvist | : | direct
B byline| By Tom Becker
B dateline| MELBOURNE, Australia (AP) —
+S| Erik Lindqvist was beaten in the Australian Open quarterfinals by No. 9 seed Mateo Ruiz on Wednesday, losing 6-4, 3-6, 7-6 (5), 6-2 in a match that lasted three hours and 41 minutes.
S| The 34-year-old Swede, a two-time finalist at Melbourne Park, has not won a major title since 2019.
S| "People keep asking me when I will retire. || >Lindqvist | >said | direct
+S| I'm not done yet. || >Lindqvist | >said | direct
+S| My body feels better than it did two years ago," Lindqvist said. || Lindqvist | said | direct
S| He said he would decide after the clay-court season whether to play Wimbledon. || <Lindqvist | said | indirect
S| Ruiz, 23, will face top seed Daniil Orlov in the semifinals on Friday.
S| "Erik is a legend of this sport and I learned a lot from watching him," Ruiz told reporters. || Ruiz | told | direct
+S| "Today I just tried to stay calm in the big points." || <Ruiz | <told | direct
H| Heat policy criticized
S| Play on outer courts was suspended for two hours in the afternoon as temperatures reached 39.4 C (103 F).
S| Former champion Anna Kowalski said the conditions were "dangerous" for players and spectators alike. || Anna Kowalski | said | indirect
S| Tournament director Craig Tully said the policy had been followed "to the letter." || Craig Tully | said | indirect
B caption| Erik Lindqvist reacts during his quarterfinal match against Mateo Ruiz at the Australian Open in Melbourne, Australia, Wednesday, Jan. 24, 2024.
/B credit| (AP Photo/Ken Moreland)
""")

# Light scrape residue, science: a breadcrumb, a byline, a published/updated timestamp line, share buttons, an
# advertisement slot, a newsletter box, a "Follow us on" line, tags and a copyright footer. A non-claim headline
# ("find"), a described source ("A team of astronomers"), a two-sentence quote attributed after it ("said lead
# author X of Y"), "The team said", a source introduced with a relative clause, "he said" after a one-sentence quote.
ARTICLES["en-exoplanet"] = (0, """
B nav| Home > Science > Space
T| Astronomers find water vapor on a rocky exoplanet for the first time
B byline| By Nina Okafor
/B timestamp| Published: 14:32 GMT, 6 June 2024 | Updated: 09:10 GMT, 7 June 2024
B share| Share
/B share| Tweet
/B share| Email
S| A team of astronomers said on Thursday that it had detected water vapor in the atmosphere of a rocky planet outside our solar system using the James Webb Space Telescope, a first that could sharpen the search for habitable worlds. || A team of astronomers | said | indirect
S| The planet, known as TOI-5521 b, is about twice the size of Earth and orbits a small star 97 light-years away.
S| "This is the first time we see water on a planet this small. || >Hana Suzuki | >said | direct
+S| It tells us these worlds can hold on to their atmospheres," said lead author Hana Suzuki of the University of Tokyo. || Hana Suzuki | said | direct
B ad| Advertisement
S| The findings were published on Thursday in the Astrophysical Journal Letters.
S| The team said the planet is likely too hot to host liquid water on its surface, with temperatures around 430 C (806 F). || The team | said | indirect
S| Other researchers were more cautious.
+S| Mark Feldman, an astronomer at the Space Telescope Science Institute in Baltimore who was not involved in the study, said the signal could also come from starspots. || Mark Feldman | said | indirect
S| "I'd want to see a second observation before calling it water," he said. || <Mark Feldman | said | direct
S| NASA has scheduled further observations of the planet for later this year.
B newsletter| Get the Science Briefing newsletter: the week's discoveries, every Friday.
/B newsletter| Sign up
B share| Follow us on Facebook, X and Instagram
B tags| Tags: Astronomy, Exoplanets, James Webb Space Telescope, Space
B footer| © 2024 The Daily Meridian
""")

# Light scrape residue, local news: a cookie notice with its button, a breadcrumb, a byline with an e-mail address,
# a relative timestamp, an advertisement slot, share buttons, tags, a comments counter. "told the council that",
# a pronoun, a council member introduced with a relative clause, a pledge ("promised that": not a claim), a complaint
# without content, a resident's quote attributed afterwards.
ARTICLES["en-bridge"] = (0, """
B cookie| This site uses cookies. By continuing to browse, you agree to our use of cookies. Learn more
/B cookie| OK
B nav| News > Local
T| Council approves $4.2M plan to fix Riverside bridge
B byline| By Carla Nguyen | cnguyen@example.com
/B timestamp| 2 hours ago
S| The Millbrook City Council voted 5-2 on Monday night to spend $4.2 million repairing the Riverside Avenue bridge, which has been closed to trucks since an inspection found corroded beams in March.
S| Work is expected to begin in September and take about eight months.
S| Public Works Director Gary Dunn told the council that the bridge was "safe for cars today, but it will not stay that way without this work." || Gary Dunn | told | indirect
S| He said the city would keep one lane open in each direction for most of the project. || <Gary Dunn | said | indirect
B ad| Advertisement
S| Council member Rosa Jimenez, who voted against the plan, said the city should have sought state funding first. || Rosa Jimenez | said | indirect
S| "We are putting the whole bill on local taxpayers when there is money in Springfield for exactly this," Jimenez said. || Jimenez | said | direct
S| Mayor Paul Hendricks promised that property taxes would not rise to pay for the repairs.
S| Residents of the Riverside neighborhood have complained for months about truck detours through residential streets.
+S| "Our kids can't cross the street safely anymore," said Denise Hall, who lives on Elm Street. || Denise Hall | said | direct
S| The council also approved a new contract with the city's waste collection company.
B share| Share this article
/B share| Facebook
/B share| Twitter
/B share| Email
B tags| Tags: Millbrook, City Council, Infrastructure, Riverside bridge
B footer| Comments (4)
""")

# Hard, wire copy: a "CITY, Mon. day (AP) —" dateline, U.S., Gen., a middle initial, a.m. ending a sentence before
# a pronoun-led sentence, a direct quote attributed in its first sentence and continued over two more sentences and a
# second paragraph (the first left open), "Inc." in a company name, a relay ("Y said, according to X"), "Sen." and
# "R-Ohio,", decimals, "No. 2" and "Adm.", a contributor footer.
ARTICLES["en-redsea-wire"] = (0, """
T| U.S. general says attacks on Red Sea shipping have fallen by half || U.S. general | says | indirect
B dateline| CAIRO, May 3 (AP) —
+S| Attacks on commercial ships in the Red Sea have dropped by about 50% since March, the top U.S. commander in the Middle East said Friday, as Washington pressed Egypt and other partners to help secure the waterway. || the top U.S. commander in the Middle East | said | indirect
S| Gen. Michael R. Haynes, who heads U.S. Central Command, spoke to reporters in Cairo after a meeting with Egypt's defense minister that began at 10:30 a.m.
+S| He did not take questions on Gaza.
S| "The numbers are moving in the right direction," Haynes said. || Haynes | said | direct
+S| "But 50% is not zero. || <Haynes | <said | direct
+S| One missile that hits a tanker is one too many. || <Haynes | <said | direct
S| "Our ships have escorted more than 300 vessels through the Bab el-Mandeb since January." || <Haynes | <said | direct
S| Yemen's Houthi rebels, who began targeting ships in November, did not respond to a request for comment.
S| Bermuda-based Atlas Marine Inc. said Thursday that it would resume routing some of its vessels through the Suez Canal from June 1. || Atlas Marine Inc. | said | indirect
S| Suez Canal revenue fell to $2.4 billion in the first four months of the year from $4.1 billion a year earlier, Egypt's canal authority said, according to the state-run Nile Gazette. || Egypt's canal authority | said | indirect
S| In Washington, Sen. Linda Marsh, R-Ohio, said in a statement that the mission had cost more than $1.6 billion so far. || Linda Marsh | said | indirect
S| The Navy's No. 2 officer, Adm. James Pike, is due to testify before the Senate Armed Services Committee on Tuesday.
B footer| Associated Press writer Sam Holt in Washington contributed to this report.
""")

# Hard, hard-wrapped at 72 characters (line breaks inside sentences, quotes and names): a Reuters dateline, a
# three-sentence quote attributed in its last sentence with a pronoun, a quoted phrase inside an indirect claim, a
# sentence ending in a colon that introduces a bullet list (the last item with a final period), a relay ("according
# to a statement from his ministry"), a rating agency, a footer.
ARTICLES["en-portugal-wrapped"] = (72, """
T| Portugal's government survives confidence vote after budget row
B dateline| LISBON, Nov. 14 (Reuters) -
+S| Portugal's minority government survived a confidence vote in parliament on Thursday after the main opposition party abstained, ending a week of political uncertainty over the 2025 budget.
S| The motion, brought by the far-left Left Bloc, was rejected by 131 votes to 19, with 80 abstentions.
S| Prime Minister Luis Ferraz told lawmakers before the vote that the country could not afford "another early election, the third in four years." || Luis Ferraz | told | indirect
S| "Portugal needs stability. || <Luis Ferraz | >said | direct
+S| Investors need stability. || <Luis Ferraz | >said | direct
+S| Families need stability," he said, drawing applause from his party's benches. || <Luis Ferraz | said | direct
S| Opposition leader Ana Costa Pires said her Socialists abstained "out of responsibility, not support," and would vote against the budget itself unless the government dropped a planned cut in corporate tax. || Ana Costa Pires | said | indirect
S| The budget, which goes to a final vote on Nov. 29, includes:
/S| - a cut in the corporate tax rate to 20% from 21%
/S| - a 2.5% rise in public-sector pay
/S| - income tax relief for workers under 35
/S| - 1.2 billion euros for housing.
S| Finance Minister Rui Matos Serra said the measures would keep the deficit below 0.5% of GDP next year, according to a statement from his ministry. || Rui Matos Serra | said | indirect
S| Rating agency Kestrel Ratings said on Friday that political risk "remains elevated" but kept Portugal's A3 rating unchanged. || Kestrel Ratings | said | indirect
S| Portuguese 10-year bond yields fell 4 basis points to 2.81% after the vote.
B footer| (Reporting by Joana Lima; Editing by Tom Everett)
""")

# Hard, a questions-and-answers explainer: a title with a non-attributive colon ("Q&A:"), questions as paragraphs of
# their own, a.m. inside a sentence, a vote tally, a two-sentence quote attributed in its second sentence ("said X, a
# ... at the ... think tank Y"), "according to" after a statistic, parentheses inside a sentence, "has said", agentless
# hearsay ("are said to"), advice in the imperative, read-more links and a share line.
ARTICLES["en-clocks-qa"] = (0, """
T| Q&A: Why the EU still changes the clocks, and what could end it
B byline| By Elena Vogt, Brussels correspondent
/B timestamp| Updated Oct. 26, 2024, 6:15 p.m. CET
S| Clocks across the European Union go back one hour at 3 a.m. on Sunday, even though the European Parliament voted to scrap the changes more than five years ago.
+S| Here is why it has not happened.
S| What did the Parliament decide?
S| In March 2019, lawmakers voted 410 to 192 to end seasonal clock changes in 2021.
+S| Each country would choose whether to stay on permanent summer or winter time.
S| So why are we still changing the clocks?
S| Because the proposal also needs the approval of member governments, and they have never voted on it.
+S| Diplomats say the main fear is a "patchwork" of time zones across the single market. || Diplomats | say | indirect
S| "If France picks summer time and Germany picks winter time, you have an hour's difference between Strasbourg and Kehl. || >Jonas Berger | >said | direct
+S| That is a nightmare for trains, airlines and cross-border workers," said Jonas Berger, a transport analyst at the Brussels-based think tank Mobility Europe. || Jonas Berger | said | direct
S| Who wants the change?
S| In a 2018 public consultation, 84% of 4.6 million respondents backed ending the clock changes, according to the European Commission. || European Commission | according to | indirect
+S| Sleep scientists also support permanent standard (winter) time.
+S| The European Sleep Research Society says morning light matters more for the body clock than evening light. || European Sleep Research Society | says | indirect
S| Could it still happen?
S| Spain's government has said it wants to revive the proposal during its next turn at the EU presidency. || Spain's government | said | indirect
+S| But officials in at least eight capitals are said to oppose any change before 2030.
S| What should I do on Sunday?
S| Set your clock back one hour before going to bed.
+S| Most phones and computers will adjust automatically.
B read_also| Read more:
/B read_also| The EU's summer time debate, explained
/B read_also| Why your body hates the clock change
B share| Share this article
""")
