"""One source per person across titles and short forms, with its mentions, the kind of source a
teacher counts and the speaker's gender in words, also in the JSON contract."""
import kit

ARTICLE = ("قال وزير الخارجية الأمريكي أنتونى بلينكن، إن المفاوضات ستبدأ مجددا.\n"
           "وأضاف وزير الخارجية الأمريكي خلال مؤتمر صحفي، قائلا: «نحن في لحظة فارقة».\n"
           "وقال الوزير: «نتحدث مع مصر».\n"
           "وقالت المواطنة هدى سالم إن الماء انقطع.\n"
           "وقال الخبير الاقتصادي سمير حداد إن التضخم سيتراجع.\n"
           "ونقلت وكالة رويترز عن مصادر مطلعة أن الهدنة صامدة.\n"
           "وأعلنت وزارة الصحة في بيان أن المستشفيات ممتلئة.")


def test_one_source_per_person_with_its_mentions():
    analysis = kit.analyze(text=ARTICLE)
    blinken = analysis.source("blinken")
    assert blinken.quote_indices == (0, 1, 2)
    assert blinken.mentions == ("أنتونى بلينكن", "وزير الخارجية الأمريكي", "الوزير")
    assert [q.speaker_ar for q in analysis.quotes[:3]] == ["أنتونى بلينكن"] * 3


def test_categories_and_genders():
    analysis = kit.analyze(text=ARTICLE)
    found = [(s.name, s.category, s.gender_label) for s in analysis.sources]
    assert found == [("Antony Blinken", "official", "male"),
                     ("هدى سالم", "witness or citizen", "female"),
                     ("سمير حداد", "expert or analyst", "male"),
                     ("Reuters", "media outlet", "unknown"),
                     ("مصادر مطلعة", "anonymous", "unknown"),
                     ("وزارة الصحة", "organisation", "unknown")]


def test_json_contract_adds_the_fields():
    source = kit.analyze(text=ARTICLE).to_dict()["sources"][0]
    assert source["mentions"] == ["أنتونى بلينكن", "وزير الخارجية الأمريكي", "الوزير"]
    assert (source["category"], source["gender_label"], source["gender"]) == ("official", "male", "m")
    assert {"name", "name_ar", "type", "roles", "surface_forms"} <= source.keys()
