"""Russian: recognition words (place kinds, abbreviations, prepositions, titles) and event
words, gathered into :data:`RUSSIAN`. Lemmas come from pymorphy3's Russian dictionary (which
tags geographic names ``Geox``)."""

from __future__ import annotations

from ._slavic import slavic_language, triggers, word_set

__all__ = ["RUSSIAN"]

#: Lemmas and abbreviations naming a kind of place -> the feature class they imply.
PLACE_KINDS = {
    "область": "admin1", "обл": "admin1", "край": "admin1", "республика": "admin1",
    "район": "admin2", "р-н": "admin2", "округ": "admin2",
    "громада": "admin2", "община": "admin2",
    "город": "populated_place", "г": "populated_place", "село": "populated_place",
    "с": "populated_place", "посёлок": "populated_place", "поселок": "populated_place",
    "пос": "populated_place", "п": "populated_place", "пгт": "populated_place",
    "деревня": "populated_place", "д": "populated_place", "станица": "populated_place",
    "ст-ца": "populated_place", "хутор": "populated_place", "страна": "country",
    "государство": "country",
}
#: Words that introduce a named street, square, river or island (lemmas and abbreviations).
LANDMARK_WORDS = word_set(
    "улица ул переулок пер проспект пр-т просп площадь пл бульвар б-р шоссе "
    "набережная река озеро остров полуостров залив гора парк сквер канал водохранилище"
)
#: Titles before a person's name (see the "titles" word class).
TITLES = ("президент", "министр", "премьер-министр", "генерал", "полковник", "майор", "мэр",
          "глава", "губернатор", "спикер", "командующий", "депутат", "посол", "директор",
          "судья", "прокурор", "господин", "госпожа", "генсек", "руководитель", "лидер",
          "патриарх", "митрополит", "пресс-секретарь", "представитель")
#: Named word classes of recognition (see geomap/lang/uk.py): kind-word abbreviations written
#: with a dot, institutions' head nouns before a place in the genitive ("правительство
#: России", "МВД России"), words before the person a thing is named after ("имени Пушкина").
WORD_CLASSES = {
    "kind_abbreviations": word_set("ул пер просп пр-т пл б-р г п пос пгт д ст-ца обл р-н"),
    "organisation_heads": word_set(
        "совет кабинет министр министерство прокуратура суд служба банк "
        "академия университет институт комитет комиссия агентство инспекция управление "
        "департамент полиция гвардия штаб посольство консульство парламент фонд партия "
        "ассоциация союз администрация омбудсмен уполномоченный казначейство таможня "
        "бюро палата дума закон кодекс конституция указ герб гимн флаг герой книга "
        # ministries by their short names ("Минобороны России")
        "минобороны минюст минфин минздрав минэнерго мид мвд мчс фсб генштаб"),
    # acronyms of common nouns, not institutions: a place after one is no part of a
    # name ("СМИ Судана": the media of Sudan; "МВД России" is an institution's name)
    "common_acronyms": word_set("сми бпла пво рсзо зрк"),
    # institutions named by a common noun, capitalised (the Supreme Command's Stavka,
    # "прибыл в Ставку"): reached through its lemma, no village that bears it as an alternate name
    "institution_nouns": word_set("ставка"),
    # prepositions that take a companion in the instrumental ("з Марією"): a given
    # name after one is the person
    "companion_prepositions": word_set("с со"),
    "organisation_complements": word_set("сила оборона безопасность дело наука"),
    # titles before a person's name, which agrees with the title in case ("мер Садовий",
    # "мера Садового"); a place after a title is in the genitive ("мер Львова"): the
    # geoparser's English rule (any capitalised word after a title is a person's) would
    # take it for a person, so the Cyrillic recogniser applies these itself
    "titles": frozenset(TITLES),
    "named_after": word_set("имени им"),
    # a front sector named by a town's adjective ("на Покровському напрямку"): the town
    # (geomap.geoparse._cyrillic_axes)
    "axis_words": word_set("направление"),
    "community_words": word_set("громада община"),  # see geomap/lang/uk.py
    "kind_stems": word_set("озё сёл"),  # see geomap/lang/uk.py
    "feature_words": word_set(
        "море лес степь долина балка хребет перевал замок крепость дворец собор монастырь "
        "лавра вокзал аэропорт порт мост стадион микрорайон массив урочище заповедник "
        "месторождение водопад лиман коса бухта пролив острова горы кладбище пригород "
        "пустыня плато нагорье возвышенность низменность океан",
        # divisions, most of them historical (see geomap/lang/uk.py)
        "район округ губерния уезд волость воеводство княжество "
        "королевство империя ханство"),
    # casualty counts (see geomap/lang/uk.py)
    "casualty_killed": word_set("погибнуть погибший убить убитый мёртвый мертвый гибель "
                                "смерть умереть"),
    "casualty_wounded": word_set("ранить раненый ранение травмировать травмированный "
                                 "пострадать пострадавший госпитализировать "
                                 "госпитализированный"),
    "casualty_active": word_set("погибнуть убить умереть ранить травмировать пострадать "
                                "госпитализировать"),
    "casualty_civilian": word_set("мирный гражданский житель человек люди ребёнок "
                                  "ребенок женщина мужчина пенсионер пенсионерка "
                                  "подросток мальчик девочка волонтёр волонтер врач "
                                  "журналист прохожий рабочий сотрудник"),
    "casualty_person": word_set("человек военный военнослужащий солдат боец "
                                "полицейский спасатель"),
    "count_at_least": word_set("как минимум по меньшей мере не менее более "
                               "больше свыше около почти примерно до"),
    "count_vague": word_set("несколько много десятки сотни тысячи немало"),
    "count_units": word_set("час день сутки неделя месяц год минута км километр метр "
                            "процент раз снаряд ракета дрон беспилотник дом село "
                            "населённый населенный атака удар танк рубль доллар тонна"),
    "count_stop": word_set("в во у на возле после под через в результате от из с со "
                           "когда что который но или потому за"),
    "count_and": word_set("и"),
    # weapons, lemmas: a launch verb with one of them is an attack (see TRIGGERS)
    "weapons": word_set("ракета дрон беспилотник бпла шахед герань бомба авиабомба каб "
                        "снаряд мина артиллерия боеприпас искандер калибр кинжал"),
    # capture, lemmas: a verb of "capture_verbs" with a word of "capture_objects" in the
    # three words after it is an attack ("освободили населённый пункт X", "взяли под контроль"), not
    # "освободили из плена" (see geomap.events.extract._slavic)
    "capture_verbs": word_set("освободить освобождать взять брать занять занимать"),
    "capture_objects": word_set("село посёлок поселок деревня город пункт хутор станица "
                                "контроль территория позиция"),
    # one victim, as written (no article says "a"): "загинула жінка", "погиб мужчина"
    "casualty_single": word_set("женщина мужчина ребенок ребёнок человек военный "
                                 "военнослужащий мирный житель пенсионер пенсионерка "
                                 "подросток мальчик девочка волонтер волонтёр врач "
                                 "водитель спасатель полицейский женщину девочку"),
    # after a comma, these turn a sentence to another event ("..., а у Львові відбувся
    # мітинг"): each event takes its own clause's place and actors
    "clause_contrast": word_set("а но однако зато тогда"),
    # a weekday dates an event after one of these ("в субботу", "в ночь на воскресенье") or
    # after "last" ("в прошлое воскресенье"), as written (see geomap/lang/uk.py)
    "weekday_before": word_set("в во на"),
    "weekday_last": word_set("прошлый прошлая прошлое прошлую прошлой прошлого минувший "
                             "минувшая минувшее минувшую минувшей минувшего"),
}
#: Number words (lemmas) -> value; the collective numerals ("двое", "пятеро") count people.
NUMBERS = {
    **{w: i + 1 for i, ws in enumerate((
        "один одна одно", "два две двое", "три трое", "четыре четверо", "пять пятеро",
        "шесть шестеро", "семь семеро", "восемь восьмеро", "девять девятеро",
        "десять десятеро", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
        "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать",
        "двадцать")) for w in ws.split()},
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100,
}
#: Abbreviations of place names -> the full name the gazetteer knows.
NAME_ABBREVIATIONS = {
    "РФ": "Российская Федерация",
    "ФРГ": "Германия",
    "КНДР": "Северная Корея",
    "КНР": "Китай",
    "ОАЭ": "Объединенные Арабские Эмираты",
    "ЮАР": "Южно-Африканская Республика",
    "Штаты": "США",
    # see geomap/lang/uk.py
    "ДНР": "Донецкая область",
    "ЛНР": "Луганская область",
    "ОРДЛО": "Донбасс",
    "УССР": "Украина",
    "РСФСР": "Россия",
    "ПМР": "Приднестровье",
    "СССР": "Советский Союз",
}
PREPOSITIONS = {
    "location": frozenset({"в", "во", "на", "у", "возле", "около", "под", "близ", "вблизи",
                           "рядом", "между", "вокруг", "неподалеку", "недалеко"}),
    "destination": frozenset({"в", "во", "на", "к", "ко", "до", "через"}),
    "origin": frozenset({"из", "изо", "с", "со", "от"}),
}
VICINITY = ("возле", "около", "близ", "вблизи", "неподалеку от", "недалеко от", "под",
            "на окраине", "рядом с", "севернее", "южнее", "восточнее", "западнее",
            "к северу от", "к югу от", "к востоку от", "к западу от", "в км от")

#: Trigger lemmas (pymorphy3 normal forms) -> event type (see geomap.events.taxonomy).
TRIGGERS = {
    **triggers({
        "assault": "обстрел обстреливать обстрелять удар ударить атака атаковать бой битва "
                   "наступление наступать взрыв взорваться штурм штурмовать бомбардировка "
                   "бомбить сбить сбивать уничтожить уничтожать ранить убить погибнуть "
                   "захватить захватывать оккупация оккупировать попадание поразить "
                   "поражение подорвать теракт",
        "retreat": "эвакуация эвакуировать отступление отступить отойти",
        "consult": "переговоры встреча встретиться визит посетить",
        "protest": "митинг протест протестовать демонстрация",
        "sanction": "санкция санкции",
        "coerce": "задержать арест арестовать задержание",
        "aid": "помощь поставка передать",
        "agree": "соглашение договориться перемирие",
    }),
    # attacks only with a weapon in the sentence (see geomap/lang/uk.py)
    **triggers({"assault": "запустить запускать запуск выпустить выпускать сбросить "
                           "сбрасывать применить применять прилететь прилетать прилёт"},
               military=True),
    **triggers({"statement": "заявить заявление сообщить"}, say=True),
}
MONTHS = {m: i + 1 for i, ms in enumerate((
    "январь января", "февраль февраля", "март марта", "апрель апреля", "май мая",
    "июнь июня", "июль июля", "август августа", "сентябрь сентября", "октябрь октября",
    "ноябрь ноября", "декабрь декабря")) for m in ms.split()}
#: Weekday names (nominative, accusative "в субботу", genitive "с субботы") -> 0 .. 6.
WEEKDAYS = {w: i for i, ws in enumerate((
    "понедельник понедельника", "вторник вторника", "среда среду среды",
    "четверг четверга", "пятница пятницу пятницы", "суббота субботу субботы",
    "воскресенье воскресенья")) for w in ws.split()}
RELATIVE_DAYS = {
    "позавчера": ("day", -2), "вчера": ("day", -1), "прошлой ночью": ("day", -1),
    "сегодня": ("day", 0), "этой ночью": ("day", 0), "ночью": ("day", 0),
    "утром": ("day", 0), "на прошлой неделе": ("week", -1), "на этой неделе": ("week", 0),
    "в прошлом месяце": ("month", -1), "в этом месяце": ("month", 0),
    "в прошлом году": ("year", -1), "в этом году": ("year", 0),
}
ACTORS = {
    "всу": "UA", "вооруженные силы украины": "UA", "украинские военные": "UA",
    "украинские войска": "UA", "российские войска": "RU", "российские военные": "RU",
    "вс рф": "RU", "армия россии": "RU", "минобороны россии": "RU", "оккупанты": "RU",
}
ORGANISATIONS = {
    "НАТО": ("NATO", None), "ООН": ("United Nations", None), "ЕС": ("European Union", None),
    "МАГАТЭ": ("IAEA", None), "ОБСЕ": ("OSCE", None), "Красный Крест": ("ICRC", None),
    "Кремль": ("Russia", "RU"), "Пентагон": ("United States", "US"),
    "Белый дом": ("United States", "US"), "ФСБ": ("Russia", "RU"), "ВСУ": ("Ukraine", "UA"),
    "Минобороны": ("Russia", "RU"),
}

RUSSIAN = slavic_language(
    "ru", "Russian",
    place_kinds=PLACE_KINDS,
    landmark_words=LANDMARK_WORDS,
    name_abbreviations=NAME_ABBREVIATIONS,
    prepositions=PREPOSITIONS,
    vicinity=VICINITY,
    triggers=TRIGGERS,
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative_days=RELATIVE_DAYS,
    numbers=NUMBERS,
    demonyms=ACTORS,
    organisations=ORGANISATIONS,
    word_classes=WORD_CLASSES,
)
