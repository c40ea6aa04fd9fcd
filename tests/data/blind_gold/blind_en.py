# ruff: noqa: E501
"""English articles of the blind check (format in ``tests/data/heldout_gold/make_heldout_gold.py``).

Written from the rule book only, before any rule change of the attribution work they check, in styles the news and
held-out gold lack. Each entry is (hard-wrap width or 0, spec). All names, figures and quotes are invented.
"""

ARTICLES: dict[str, tuple[int, str]] = {}

# A courtroom story: many pronouns (he/she with a nearer person of the other gender), a quote inside a quote, a
# split quote, "according to testimony from", a relay ("Y allege ..., according to X"), a question, a plea, a ruling.
ARTICLES["b-court-testimony"] = (0, """
T| Former aide tells jury she shredded documents on senator's orders || Former aide | tells | indirect
B byline| By Daniel Okafor
/B timestamp| March 14, 2024, 6:12 PM ET
S| A former chief of staff to state Sen. Raymond Cole testified Thursday that she destroyed boxes of campaign records in 2021 because the senator told her to "make them disappear." || A former chief of staff to state Sen. Raymond Cole | testified | indirect
S| Megan Alvarez, 34, told jurors in Springfield that Cole called her into his office two days after the FBI subpoenaed his campaign. || Megan Alvarez | told | indirect
S| "He said nobody would ever look at those boxes again," she said. || <Megan Alvarez | said#2 | direct
S| "I believed him. || >Alvarez | >said | direct
+S| I was scared of losing my job," Alvarez said, her voice breaking. || Alvarez | said | direct
S| Cole, 61, has pleaded not guilty to obstruction of justice and two counts of wire fraud.
S| His attorney, Jonathan Reese, argued in his opening statement that Alvarez was a disgruntled employee who had taken the records herself. || Jonathan Reese | argued | indirect
S| On cross-examination, Reese asked her whether she had ever been disciplined for missing paperwork.
S| She acknowledged that she had received a written warning in 2020, but said it concerned "a scheduling mix-up, nothing more." || <Alvarez | acknowledged | indirect
S| Prosecutors allege that Cole used more than $400,000 in donations to pay off personal debts, according to the indictment unsealed last year. || Prosecutors | allege | indirect
S| According to testimony from an FBI agent earlier in the week, investigators recovered fragments of shredded bank statements from a recycling facility in Decatur. || an FBI agent | According to | indirect
S| The agent, Laura Brennan, said the fragments matched account numbers held by Cole's campaign. || Laura Brennan | said | indirect
S| U.S. District Judge Harold Winslow denied a defense motion on Wednesday to exclude the fragments.
+S| He said the jury could weigh how reliable they were. || <Harold Winslow | said | indirect
S| Cole did not speak to reporters as he left the courthouse.
S| A spokesman for his campaign, Eric Dunn, said in an email that the senator "looks forward to being vindicated" and would not resign. || Eric Dunn | said | indirect
S| The trial is expected to last three weeks, according to court officials. || court officials | according to | indirect
S| Alvarez is scheduled to return to the stand on Friday.
""")

# A state-politics story: a topic colon headline (no source), pronouns across several people, a split quote with
# the attribution in the second half, "accused ... of", a pledge, a call, "declined to comment", "did not respond",
# "is said to" (agentless), a heading, a relay "X told the AP ..., according to a transcript", a relative clause
# inside the subject, and "they said" after a content clause whose verb (rejected) is not a reporting cue.
ARTICLES["b-budget-vetoes"] = (0, """
T| Budget showdown: Hale vetoes $120 million as lawmakers cry foul
B byline| By Rachel Kim and Omar Haddad
/B dateline| HARRISBURG, Pa. —
+S| Gov. Eleanor Hale signed the state's $48 billion budget late Tuesday but struck $120 million in spending from it.
S| Hale said the vetoed items, most of them local road and library projects, were "not paid for" and would have pushed the state into deficit by 2026. || Hale | said | indirect
S| "We cannot spend money we do not have," she told reporters at the Capitol. || <Hale | told | direct
S| "I know that's not what people want to hear. || <Hale | >said | direct
+S| But it's the truth," she said. || <Hale | said | direct
S| Senate Minority Leader Tom Briggs accused the governor of punishing districts that had voted against her in 2022. || Tom Briggs | accused | indirect
+S| He vowed to bring the projects back in a supplemental spending bill next month.
S| "Every one of these roads is a lifeline for somebody," Briggs said in a statement. || Briggs | said | direct
S| According to an analysis by the nonpartisan Legislative Fiscal Office, the budget leaves a reserve of about $2.1 billion, the smallest in six years. || Legislative Fiscal Office | According to | indirect
S| Two aides to the governor, who spoke on condition of anonymity because they were not authorized to discuss private negotiations, said Hale had offered to restore some library funds in exchange for Republican votes on a transit bill. || Two aides to the governor | said | indirect
+S| Republicans rejected the offer, they said. || <Two aides to the governor | said | indirect
S| A spokesman for Briggs declined to comment on the talks.
S| The state teachers' union called on lawmakers to override the vetoes, which requires a two-thirds majority in both chambers.
H| What comes next
S| House Speaker Luis Ortega told the Associated Press that an override vote was "unlikely before summer," according to a transcript released by his office. || Luis Ortega | told | indirect
+S| He added that he had not spoken to the governor since Friday. || <Luis Ortega | added | indirect
S| Hale is said to be considering a special session in June.
+S| Her office did not respond to a request for comment on Wednesday.
S| Budget analysts predicted that the vetoes would face a court challenge, citing a 2019 ruling that limited the governor's line-item powers. || Budget analysts | predicted | indirect
""")
