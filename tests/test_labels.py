"""What a paste states in so many words: labelled fields, issue forms, one-line headers, the
short lines at the top; and the rules that keep headings and empty fields out of names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import invoke, make_site, plain_id
from roledex.importer.labels import (
    clean_title,
    is_empty_value,
    is_job_title,
    is_label,
    labelled,
    looks_like_company,
    looks_like_title,
    plain_value,
    top_block,
)
from roledex.importer.run import read_posting

PASTES = [
    (
        "Add Wise's listing\n\n## Company:\nWise\n## Title:\nSoftware Engineer Intern\n\n## Location:\nLondon\n",
        ("Wise", "Software Engineer Intern", ["London"], None),
    ),
    (
        "Update jobs.md\n\n**Company:** Meritocracy srl (https://meritocracy.example/en)  \n"
        "**Location:** Milano  \n**Title:** Junior Java Developer\n",
        ("Meritocracy srl", "Junior Java Developer", ["Milano"], None),
    ),
    (
        "JP Morgan\n\nSoftware Engineer\nLondon\nhttps://careers.example/software-engineer\n",
        ("JP Morgan", "Software Engineer", ["London"], None),
    ),
    (
        "Frontend Developer _ Ha Noi_ Viet Nam\n\nWe build things.\n",
        (None, "Frontend Developer", ["Ha Noi, Viet Nam"], None),
    ),
    (
        "[社招][Nimbus]资深后端工程师\n\n**工作地点**：远程\n",
        ("Nimbus", "资深后端工程师", [], "remote"),
    ),
    (
        "Backend Engineer at Acme\n\nA contratação será feita em regime CLT, para atuar de forma presencial.\n",
        ("Acme", "Backend Engineer", [], "onsite"),
    ),
    (
        "[São Paulo] Developer Hybrid Mobile\n\nDesenvolvimento mobile híbrido em Titanium.\n\n"
        "Experiência em desenvolvimento híbrido e aplicativos híbridos.\n\n"
        "## Local\n\nSão Paulo - Capital\nNão há disponibilidade para Remoto\n",
        (None, "Developer Hybrid Mobile", ["São Paulo - Capital"], "onsite"),
    ),
    (
        "[Belo Horizonte - MG] Desenvolvedor Java Sênior - Vetta\n\nEnviar para rh@vetta.com.br\n",
        ("Vetta", "Desenvolvedor Java Sênior", ["Belo Horizonte"], None),
    ),
    # a line of pay under the title and the company is no place
    (
        "Senior Software Engineer (Backend)\nNorthwind Traders\nSeattle, WA (Hybrid)\n$150,000 - $190,000 a year\n\n"
        "About the job\nWe are hiring.",
        ("Northwind Traders", "Senior Software Engineer (Backend)", ["Seattle, WA"], "hybrid"),
    ),
    # a board's 'Company · Place · Mode' line states the mode after the place too
    (
        "Product Designer\nOrbit Labs · Berlin, Germany · On-site\nFull-time · Mid-Senior level\n\nAbout the job\n"
        "Orbit Labs builds maps.",
        ("Orbit Labs", "Product Designer", ["Berlin, Germany"], "onsite"),
    ),
    # labels of other languages for the role; a field's label is no company
    (
        "Stellenanzeige: Softwareentwickler (m/w/d) Java\nFirma: Datenwerk GmbH\nOrt: Hamburg\n",
        ("Datenwerk GmbH", "Softwareentwickler Java", ["Hamburg"], None),
    ),
    (
        "Oferta: Programador/a Python\nEmpresa: Datalia S.L.\nUbicación: Madrid (híbrido)\n",
        ("Datalia S.L.", "Programador/a Python", ["Madrid"], "hybrid"),
    ),
    (
        "Role: Site Reliability Engineer\nTeam: Platform\nLocation: Dublin, Ireland\n",
        (None, "Site Reliability Engineer", ["Dublin, Ireland"], None),
    ),
    (
        "招聘：高级前端工程师\n公司：星云科技\n地点：上海（可远程）\n",
        ("星云科技", "高级前端工程师", ["上海"], "remote"),
    ),
    (
        "**Job:** Mobile Engineer (Flutter)\n**Company:** Sunny Apps\n**Where:** Lisbon or remote within Portugal\n",
        ("Sunny Apps", "Mobile Engineer (Flutter)", ["Lisbon, Portugal"], "remote"),
    ),
    # a form's headings are labels, never the title; a labelled role is read less its notes
    (
        "## Company Name\nAcme Cloud\n\n## Job Title\nBackend Engineer (Remote, US)\n\n## Location\nRemote - US\n",
        ("Acme Cloud", "Backend Engineer", ["US"], "remote"),
    ),
    ("## Role: Data Engineer\n- Company: Acme\n", ("Acme", "Data Engineer", [], None)),
    # a place under a title line that names the company
    (
        "Backend developer at Kaspi.kz\nAlmaty, Kazakhstan\n",
        ("Kaspi.kz", "Backend developer", ["Almaty, Kazakhstan"], None),
    ),
    (
        "[HCM] Tuyển Senior Java Developer\n\nCông ty: ABC Software\nĐịa điểm: Quận 3, TP.HCM\n",
        ("ABC Software", "Senior Java Developer", ["Quận 3, TP.HCM"], None),
    ),
    (
        "Job Title: Machine Learning Engineer\nCompany: NovaAI (YC W24)\nLocation: San Francisco, CA\n",
        ("NovaAI", "Machine Learning Engineer", ["San Francisco, CA"], None),
    ),
    (
        "Desenvolvedor Flutter Pleno na Aplicativos Brasil\nLocal: Curitiba - PR (híbrido, 2x por semana)\n",
        ("Aplicativos Brasil", "Desenvolvedor Flutter Pleno", ["Curitiba - PR"], "hybrid"),
    ),
    (
        "![logo](https://acme.example/logo.svg)\n\n# Software Engineer Internship (San Francisco)\n\n"
        "At Acme, we build tools.\n",
        (None, "Software Engineer Internship", ["San Francisco"], None),
    ),
    (
        "New Role\n\n### Company Name\n\nMission Bit\n\n### Job Title\n\nLead Instructor - Intro to Web\n",
        ("Mission Bit", "Lead Instructor - Intro to Web", [], None),
    ),
    (
        "JavaScript Developer Remote\nJavaScript Developer – Remote\n\nWe hire remote developers.\n",
        (None, "JavaScript Developer", [], "remote"),
    ),
    (
        "Acme & Co. KG: Full Stack Developer (Bremen, Deutschland)\n\nWir suchen Verstärkung.\n",
        ("Acme", "Full Stack Developer", ["Bremen, Deutschland"], None),
    ),
    (
        "[𝐇𝐲𝐛𝐫𝐢𝐝/ 𝐇𝐂𝐌𝐂] 𝐒𝐞𝐧𝐢𝐨𝐫 𝐅𝐫𝐨𝐧𝐭𝐞𝐧𝐝 𝐃𝐞𝐯𝐞𝐥𝐨𝐩𝐞𝐫 - 𝟐𝟓𝟎𝟎$ 𝐆𝐫𝐨𝐬𝐬\n\nWe build things.\n",
        (None, "Senior Frontend Developer", ["HCMC"], "hybrid"),
    ),
    (
        "🎯SENIOR FRONTEND DEVELOPER💰USD 3,000-4,500 📍HCMC/Hybrid 🌟US PRODUCT\n\nWe build things.\n",
        (None, "SENIOR FRONTEND DEVELOPER", ["HCMC"], "hybrid"),
    ),
    (
        "New Role\n\n### Company Name\n\nRTX\n\n### Job Title\n\n2026 Full-time - Software Engineer II - Onsite\n",
        ("RTX", "Software Engineer II", [], "onsite"),
    ),
    (
        "New Internship\n\n### Company Name\n\nMission Bit\n\n### Internship Title\n\nLead Instructor\n",
        ("Mission Bit", "Lead Instructor", [], None),
    ),
    (
        "Python Developer at Acme\n\nПереезд в Минск; удаленно мы не можем, увы.\n",
        ("Acme", "Python Developer", [], "onsite"),
    ),
    (
        "Desenvolvedor Full Stack na Acme\n\n## Local\n\nEscritório, Jundiaí - São Paulo\n",
        ("Acme", "Desenvolvedor Full Stack", ["Jundiaí - São Paulo"], "onsite"),
    ),
    (
        "Fernway\nSenior Data Engineer\nLondon\nHybrid\n\nAbout the role\n\nYou will build pipelines.\n",
        ("Fernway", "Senior Data Engineer", ["London"], "hybrid"),
    ),
    (
        "Backend Entwickler (m/w/d)\nAcme GmbH\nMünchen\n\nWir suchen Verstärkung. Vollzeit.\n",
        ("Acme GmbH", "Backend Entwickler", ["München"], None),
    ),
    (
        "Acme Robotics (YC W21) | Senior Backend Engineer | Berlin, Germany | Remote (EU) | €90k-110k\n\n"
        "We build robots.\n",
        ("Acme Robotics", "Senior Backend Engineer", ["Berlin, Germany", "EU"], "remote"),
    ),
    (
        "# Acme - Data Engineer - London\n\nWe are a logistics company.\n",
        ("Acme", "Data Engineer", ["London"], None),
    ),
    (
        "Job Title: Platform Engineer\nCompany: Helio Energy\nLocation: Austin, TX\nWork mode: Hybrid\n\n"
        "We build the grid.\n",
        ("Helio Energy", "Platform Engineer", ["Austin, TX"], "hybrid"),
    ),
    (
        "**Company:** Northwind\n**Position:** Staff Engineer\n\nRemote OK. We ship software.\n",
        ("Northwind", "Staff Engineer", [], "remote"),
    ),
    (
        "### Company name\n\nNorthwind\n\n### Role\n\nStaff Engineer\n\n### Location\n\nRemote - EU\n\n"
        "### Salary\n\n_No response_\n",
        ("Northwind", "Staff Engineer", ["EU"], "remote"),
    ),
    (
        "company_name: Globex\ntitle: Data Analyst\n\nWork Location: In person\n",
        ("Globex", "Data Analyst", [], "onsite"),
    ),
    ("Senior Engineer\nNone\nParis\n\nWe build things.\n", (None, "Senior Engineer", ["Paris"], None)),
    ("What You'll get\n\n- Equity\n- Health insurance\n", (None, None, [], None)),
    (
        "Senior Backend Entwickler (m/w/d)\nHamburg · Hybrid · Vollzeit\n\nÜber uns\n"
        "Die Nordlicht Logistik GmbH ist ein Anbieter von Logistiksoftware.\n",
        ("Nordlicht Logistik", "Senior Backend Entwickler", ["Hamburg"], "hybrid"),
    ),
    (
        "Développeur Full Stack H/F\nLyon, France - Télétravail partiel\n\nChez Atelier Verde, nous "
        "construisons des outils.\n",
        ("Atelier Verde", "Développeur Full Stack H/F", ["Lyon, France"], "hybrid"),
    ),
    (
        "Product Owner\nUtrecht | 32-40 uur per week\n\nOver Kade Bank\nWij bouwen een bank.\n",
        ("Kade Bank", "Product Owner", ["Utrecht"], None),
    ),
    (
        "Desenvolvedor Mobile\nRemoto (Brasil)\n\nA Pomar Tecnologia está contratando!\n",
        ("Pomar Tecnologia", "Desenvolvedor Mobile", ["Brasil"], "remote"),
    ),
    (
        "Senior QA Engineer\nFirma: Wisła Software Sp. z o.o.\nLokalizacja: Kraków / Zdalnie\n\nTestujemy.\n",
        ("Wisła Software Sp. z o.o.", "Senior QA Engineer", ["Kraków"], "remote"),
    ),
    (
        "Senior Data Analyst\nKiranam Retail Pvt. Ltd. - Bengaluru, Karnataka, India\n\nWork mode: Work from office\n",
        ("Kiranam Retail", "Senior Data Analyst", ["Bengaluru, Karnataka, India"], "onsite"),
    ),
    (
        "IT Support Technician (Contract)\nMaple Grove Clinics\nToronto, ON\n\nWe fix laptops.\n",
        ("Maple Grove Clinics", "IT Support Technician", ["Toronto, ON"], None),
    ),
    (
        "Product Manager\n\nlocations\nSeattle, WA\nSan Francisco, CA\n\ntime type\nFull time\n\n"
        "Harborview Commerce is hiring a Product Manager.\n",
        ("Harborview Commerce", "Product Manager", ["Seattle, WA", "San Francisco, CA"], None),
    ),
    (  # an issue form in Spanish: the issue's own title is no job's
        "New Job\n\n### Link a la publicación del trabajo\n\nhttps://jobs.example/123\n\n### Nombre de la compañía\n\n"
        "Northwind\n\n### Título del trabajo\n\nSoftware Development Engineer\n\n### Lugar\n\nGuadalajara, Jalisco\n",
        ("Northwind", "Software Development Engineer", ["Guadalajara, Jalisco"], None),
    ),
    (
        "[Teresópolis] Back-end Developer @Quarry Tech\n\nVaga: CLT\n",
        ("Quarry Tech", "Back-end Developer", ["Teresópolis"], None),
    ),
    (
        "Remote-Jobs: Software Engineer (Solo candidatos basados en México/varias vacantes) - Python, Java, AWS\n\n"
        "Busco 5 Software Engineer.\n",
        (None, "Software Engineer", [], "remote"),
    ),
    (  # Korean labels, and 'hiring' after the role
        "프론트엔드 엔지니어 채용\n회사명: 주식회사 당근마켓\n위치: 서울\n",
        ("주식회사 당근마켓", "프론트엔드 엔지니어", ["서울"], None),
    ),
    (
        "[토스] Server Developer\n직무: 서버 개발자\n근무지역: 서울 강남구\n",
        ("토스", "서버 개발자", ["서울 강남구"], None),
    ),
    (  # Russian: 'в' before a company's name, a hiring word and a mode in brackets, labels
        "Senior Python разработчик в Яндекс\nМосква, гибридный формат\n",
        ("Яндекс", "Senior Python разработчик", ["Москва"], "hybrid"),
    ),
    (
        "Ищем Go-разработчика (удалённо)\nКомпания: Ozon\n",
        ("Ozon", "Go-разработчика", [], "remote"),
    ),
    (
        "Python-разработчик в команду платформы\nДолжность: Python-разработчик\n",
        (None, "Python-разработчик", [], None),  # 'в' before no name: no company
    ),
    (  # Vietnamese: 'Công ty' before a company's name
        "[HCM] Tuyển Senior Java Developer - Công ty ABC\nĐịa điểm: Quận 1, TP.HCM\n",
        ("ABC", "Senior Java Developer", ["Quận 1, TP.HCM"], None),
    ),
    (  # a company, then a Korean job word
        "네이버 클라우드 - 데이터 엔지니어\n근무지 : 성남\n",
        ("네이버 클라우드", "데이터 엔지니어", ["성남"], None),
    ),
    (  # the heading for a place over a sentence that names none
        "[Remoto] Desenvolvedor backend Ruby\n\n# Local\n\nDe onde você mora, do conforto de sua casa! Basta ter "
        "internet e computador ;)\n",
        (None, "Desenvolvedor backend Ruby", [], "remote"),
    ),
    (
        "[Remote] Backend / Fullstack Developer - $500 to $800\n\n### About Company\nLumio is a B2B marketing "
        "platform.\n\n### Salary\n$500 to $800\n",
        ("Lumio", "Backend / Fullstack Developer", [], "remote"),
    ),
]


@pytest.mark.parametrize(("paste", "expected"), PASTES, ids=[f"{i}-{plain_id(p[0])}" for i, p in enumerate(PASTES)])
def test_a_paste_gives_company_title_places_and_mode(paste: str, expected: tuple) -> None:
    found = read_posting(paste.encode())
    assert (found.company, found.title, found.locations, found.work_mode) == expected


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Backend Entwickler (m/w/d)", "Backend Entwickler"),
        ("Data Engineer (f/m/x)", "Data Engineer"),
        ("Développeur Python (H/F)", "Développeur Python"),
        ("Designer (all genders)", "Designer"),
        ("Werkstudent (m/w/d) Data Science", "Werkstudent Data Science"),
        ("Engineer - m/w/d", "Engineer"),
        ("C++ Engineer (Graphics)", "C++ Engineer (Graphics)"),
    ],
)
def test_gender_markers_leave_the_title(title: str, clean: str) -> None:
    assert clean_title(title) == clean


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Staff Engineer ($300k - $500k salary)", "Staff Engineer"),
        ("Go Developer (~1200$)", "Go Developer"),
        ("前端工程師 (80w~120w)", "前端工程師"),
        ("Desenvolvedor (R$ 8 mil)", "Desenvolvedor"),
        ("Engineer (2 positions)", "Engineer (2 positions)"),
        ("Engineer (10+ years)", "Engineer (10+ years)"),
        ("C++ Engineer (Graphics)", "C++ Engineer (Graphics)"),
    ],
)
def test_pay_in_brackets_leaves_the_title_and_other_figures_stay(title: str, clean: str) -> None:
    assert clean_title(title) == clean


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Software Engineer (Solo candidatos basados en México)", "Software Engineer"),
        ("Engineer (must be based in the EU)", "Engineer"),
        ("Engineer (must be based in EU)", "Engineer"),
        ("Engineer (Payments and Billing)", "Engineer (Payments and Billing)"),  # three words: a part of the name
        ("Senior Engineer (Payments Team)", "Senior Engineer (Payments Team)"),
        ("Developer (Senior or Staff Engineer level)", "Developer (Senior or Staff Engineer level)"),  # names a job
        ("Engineer (must be based in the EU) Berlin", "Engineer (must be based in the EU) Berlin"),  # not its end
    ],
    ids=plain_id,
)
def test_a_note_in_brackets_that_ends_the_title_leaves_it(title: str, clean: str) -> None:
    assert clean_title(title) == clean


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Senior Engineer", True),
        ("Sr", False),
        ("What you'll get", False),
        ("Contexte:", False),
        ("const x = foo();", False),
        ("Head of Data", True),
        ("word " * 15, False),
    ],
)
def test_what_can_be_a_title(text: str, title: bool) -> None:
    assert looks_like_title(text) is title


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Acme GmbH", True),
        ("None", False),
        ("N/A", False),
        ("What You'll get", False),
        ("Descrição da vaga:", False),
        ("Join our team today and grow with us", False),
        ("About us", False),
        ("Ørsted", True),
        ("Full-time", False),  # terms of work name how, not who
        ("Remoto - CLT", False),
        ("Hybrid | PJ", False),
        ("100% Remote", False),
        ("Fulltime Labs", True),  # a name that begins with such a word
        ("Remote Year", True),
    ],
)
def test_what_can_be_a_company(text: str, company: bool) -> None:
    assert looks_like_company(text) is company


@pytest.mark.parametrize("value", ["None", " null ", "N/A", "-", "_No response_", "**None**"])
def test_empty_fields(value: str) -> None:
    assert is_empty_value(value)


def test_labelled_fields_take_the_first_filled_value() -> None:
    text = "Company: None\nCompany: Acme\nEmployment type: Teilzeit\nRole: Engineer\n"
    assert labelled(text) == {"company": "Acme", "title": "Engineer", "employment": "Teilzeit"}


@pytest.mark.parametrize(
    "text",
    [
        "Jobs\nStaff Engineer\nRemote - US\nEngineering /\nFull-time /\n",
        "Senior Engineer\nAcme · Berlin (Hybrid)\n",
        "One line only\n",
        "Acme\nBerlin\nLondon\n",
    ],
)
def test_top_lines_left_to_other_readers(text: str) -> None:
    assert top_block(text) == {}


def test_the_employment_type_is_read_in_other_languages() -> None:
    assert read_posting(b"Entwickler\nAcme\n\nVollzeit, unbefristet.\n").employment == "full-time"
    assert read_posting(b"Developpeur\nAcme\n\nContrat : CDI, temps plein.\n").employment == "full-time"
    assert read_posting(b"Praktikant Data\nAcme\n\nPraktikum, 6 Monate.\n").employment == "internship"


def test_the_users_title_and_location_win(tmp_path: Path) -> None:
    docs = make_site(tmp_path, shipped=False)
    paste = tmp_path / "paste.txt"
    paste.write_text("Sr\nAcme\n\nWe build robots in Berlin.\n", encoding="utf-8")
    result = invoke(
        "import", str(paste), "--docs", str(docs), "--dry-run", "--json",
        "--title", "Senior Robotics Engineer (m/w/d)", "--location", "Remote - EU", "--company", "acme",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["title"], report["locations"], report["work_mode"]) == ("Senior Robotics Engineer", ["EU"], "remote")
    assert not any("title" in w or "no location" in w for w in report["warnings"])


@pytest.mark.parametrize("name", ["Etsy", "ETSY", "Etsy, Inc.", "etsy inc", "Étsy"])
def test_a_known_company_is_matched_by_name(tmp_path: Path, name: str) -> None:
    docs = make_site(tmp_path)
    paste = tmp_path / "paste.txt"
    paste.write_text(f"Data Engineer\n{name}\n\nWe build marketplaces.\n", encoding="utf-8")
    result = invoke("import", str(paste), "--docs", str(docs), "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["company"] == "etsy"


def test_a_new_company_near_a_known_one_gets_a_hint(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    paste = tmp_path / "paste.txt"
    paste.write_text("Data Engineer\nEtsyy\n\nWe build marketplaces.\n", encoding="utf-8")
    result = invoke("import", str(paste), "--docs", str(docs))
    assert result.returncode == 0, result.stderr
    assert "warning: 'etsyy' is a new company; did you mean 'etsy'? pass --company etsy" in result.stderr


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (" ".join(["Lead"] * 14), True),
        (" ".join(["Lead"] * 15), False),
        ("E" * 120, True),
        ("E" * 121, False),
        ("Dev", False),
        ("Devs", True),
        ("QA Lead", True),
        ("Engineer!", True),
        ("Engineer?", False),
        ("Apply at https://acme.example", False),
        ("Apply at HTTPS://ACME.EXAMPLE", False),
        ("a = b", False),
        ("***", False),
    ],
)
def test_the_bounds_of_a_title(text: str, title: bool) -> None:
    assert looks_like_title(text) is title


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("One Two Three Four Five Six", True),
        ("One Two Three Four Five Six Seven", False),
        ("Acme!", False),
        ("Acme?", False),
        ("Acme.", False),
        ("Acme Inc.", True),
        ("Acme {x}", False),
        ("See HTTPS://ACME.EXAMPLE", False),
        ("***", False),
    ],
)
def test_the_bounds_of_a_company(text: str, company: bool) -> None:
    assert looks_like_company(text) is company


@pytest.mark.parametrize(
    ("title", "clean"), [("* Data Engineer *", "Data Engineer"), ("`Engineer` -", "Engineer"), ("| Lead |", "Lead")]
)
def test_stray_marks_leave_the_title(title: str, clean: str) -> None:
    assert clean_title(title) == clean


@pytest.mark.parametrize("value", ["*None*", "`null`", "__N/A__"])
def test_empty_fields_in_emphasis(value: str) -> None:
    assert is_empty_value(value)


def test_a_labelled_value_of_a_hundred_characters_is_kept_and_longer_is_not() -> None:
    assert labelled("Company: " + "A" * 100) == {"company": "A" * 100}
    assert labelled("Company: " + "A" * 101) == {}


def test_labels_are_read_whatever_their_case_and_on_any_line() -> None:
    assert labelled("Intro line\nCOMPANY NAME: Acme\n") == {"company": "Acme"}
    assert labelled("### company\n\nAcme\n") == {"company": "Acme"}


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Data Engineer\nAcme\nBerlin\n", {"title": "Data Engineer", "company": "Acme", "places": ["Berlin"]}),
        ("## Data Engineer\n**Acme**\n", {"title": "Data Engineer", "company": "Acme", "places": []}),
        ("\n\nAcme\nData Engineer\n", {"title": "Data Engineer", "company": "Acme", "places": []}),
        ("Data Engineer\nNone\nBerlin\n", {"title": "Data Engineer", "places": ["Berlin"]}),
        ("Data Engineer\nLead Engineer\n", {}),
        ("Data Engineer\nWhat you'll do\n", {}),
        ("Acme\nSr\n", {}),
        ("Acme\nSenior Engineer?\n", {}),
        (
            "Data Engineer\nAcme\nB\nC\nD\nE\nF\n",
            {"title": "Data Engineer", "company": "Acme", "places": ["B", "C", "D"]},
        ),
        ("Data Engineer\none two three four five six seven eight\n", {}),
        ("Data Engineer\none two three four five six seven eight nine\n", {}),
        ("Data Engineer\nAcme.\n", {}),
        ("Data Engineer\nAcme Inc.\n", {"title": "Data Engineer", "company": "Acme Inc.", "places": []}),
        ("Data Engineer\nPosted today\n", {}),
        # a meta line under the title and the company ends their block; before them, it is all there is
        (
            "Data Engineer\nAcme Corp\nLondon, UK · Hybrid (3 days in office)\n",
            {"title": "Data Engineer", "company": "Acme Corp", "places": []},
        ),
        ("Data Engineer\nAcme\nLocation: Leeds\n", {"title": "Data Engineer", "company": "Acme", "places": []}),
        ("Data Engineer\nLocation: Leeds\nAcme\n", {}),
        ("Data Engineer\nAcme · Leeds · Hybrid\n", {}),
        # a place beside the title ('City, Region'); the company, if any, is the line with a legal form
        ("Java Developer\nWarszawa, Mazowieckie\n", {"title": "Java Developer", "places": ["Warszawa, Mazowieckie"]}),
        (
            "Software Engineer\nBengaluru, Karnataka, India\nZeta Fintech Pvt. Ltd.\n",
            {
                "title": "Software Engineer",
                "company": "Zeta Fintech Pvt. Ltd.",
                "places": ["Bengaluru, Karnataka, India"],
            },
        ),
        (
            "Software Engineer\nAcme, Inc.\nBerlin\n",
            {"title": "Software Engineer", "company": "Acme, Inc.", "places": ["Berlin"]},
        ),
        ("Java Developer\nKraków, Polska\n", {"title": "Java Developer", "places": ["Kraków, Polska"]}),
        (
            "Data Engineer\nAcme GmbH, Germany\n",
            {"title": "Data Engineer", "company": "Acme GmbH, Germany", "places": []},
        ),
        ("Data Engineer\nTIME TYPE\n", {}),
        ("Remote\nData Engineer\nAcme\n", {"title": "Data Engineer", "company": "Acme", "places": []}),
    ],
)
def test_the_short_lines_at_the_top(text: str, fields: dict) -> None:
    assert top_block(text) == fields


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Poste principalement à distance, un jour par mois à Lyon.", "remote"),
        ("Trabajo 100% remoto desde España.", "remote"),
        ("Ingeniero de datos | Remoto", "remote"),
        ("Télétravail à 100 %.", "remote"),
        ("We use remote sensing data.", None),
        ("Location: Munich (no remote)", "onsite"),
        ("This is not a remote position; you work from our Leeds office.", "onsite"),
        ("You are willing to relocate or commute to Rotterdam.", "onsite"),
        ("Kein Homeoffice möglich.", "onsite"),
        ("Full remote not possible.", "onsite"),
        ("Remote work is not an option for this role.", "onsite"),
        ("Location: Berlin, Germany (remote not possible)", "onsite"),
        ("You work from home one day a week, the rest in our Oslo office.", "hybrid"),
        ("Two days a week from home.", "hybrid"),
        ("Hybrid (3 days in office)", "hybrid"),
        ("근무형태: 재택근무 가능", "remote"),
        ("풀재택 근무", "remote"),
        ("하이브리드 근무 (주 2회 재택)", "hybrid"),
        ("주 3일 재택, 2일 출근", "hybrid"),
        ("Москва, гибридный формат", "hybrid"),
        ("Работа полностью удалённо.", "remote"),
        ("Формат: удаленка", "remote"),
    ],
)
def test_work_modes_in_other_languages(sentence: str, mode: str | None) -> None:
    found = read_posting(f"Data Engineer\nAcme\n\n{sentence}\n".encode())
    assert found.work_mode == mode


@pytest.mark.parametrize(
    ("closing", "company"),
    [
        ("Globex Corporation is an equal opportunity employer.", "Globex"),
        ("© 2026 Initech Ltd. All rights reserved.", "Initech"),
        ("## Why Hooli?\n\nWe pay well.", "Hooli"),
        ("Life at Umbrella", "Umbrella"),
        ("Die Nordlicht Logistik GmbH ist ein Anbieter von Software.", "Nordlicht Logistik"),
        ("Chez Atelier Verde, nous aimons le code.", "Atelier Verde"),
        ("Bei Tannberg bauen wir Apps.", "Tannberg"),
        ("Lumen Analítica busca talento.", "Lumen Analítica"),
        ("Kade Bank zoekt een collega.", "Kade Bank"),
        ("Fiorentina Digital S.r.l. è una software house.", "Fiorentina Digital"),
        ("AB Volvo is looking for engineers.", "AB Volvo"),
        ("Las Vegas Sands is hiring now.", "Las Vegas Sands"),
    ],
)
def test_a_company_named_only_in_the_boilerplate(closing: str, company: str) -> None:
    found = read_posting(f"Data Engineer\n\nYou will build pipelines in Python.\n\n{closing}\n".encode())
    assert found.company == company


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("[Acme Corp](https://acme.example)", "Acme Corp"),
        ("**[Acme Corp](https://acme.example)**", "Acme Corp"),
        ("__Acme Corp__", "Acme Corp"),
        ("*Acme Corp*", "Acme Corp"),
        ("Acme_Corp", "Acme_Corp"),
        ("[Acme](https://a.example) and [Initech](https://i.example)", "Acme and Initech"),
        ("**Acme Corp", "Acme Corp"),  # emphasis a board left open
        ("Meritocracy srl (https://meritocracy.example/en)", "Meritocracy srl"),
        ("Acme <https://acme.example>", "Acme"),
    ],
)
def test_a_labelled_value_is_its_words(written: str, words: str) -> None:
    assert plain_value(written) == words


def test_a_community_page_of_bold_labels_and_linked_names_is_read() -> None:
    page = (
        b'<p><b>Company</b>: <a href="https://acme.example">Acme Corp</a></p>'
        b'<p><b>Role</b>: <a href="https://acme.example/jobs/1">Backend Engineer</a></p>'
        b"<p>We build payment software for small shops across Europe.</p>"
    )
    found = read_posting(page)
    assert (found.company, found.title) == ("Acme Corp", "Backend Engineer")


@pytest.mark.parametrize(
    ("paste", "expected"),
    [
        (
            "[Hiring] Senior Data Engineer at Globex (Amsterdam, hybrid)\n\nWe build the data platform for retailers.",
            ("Senior Data Engineer", "Globex", ["Amsterdam"], "hybrid"),
        ),
        (
            "Senior Data Engineer at Globex (Germany)\n\nWe build the data platform for retailers.",
            ("Senior Data Engineer", "Globex", ["Germany"], None),
        ),
        (
            "Senior Data Engineer (Python)\nGlobex\n\nWe build the data platform for retailers.",
            ("Senior Data Engineer (Python)", "Globex", [], None),
        ),
        (
            "Senior Data Engineer (m/f/d)\nGlobex GmbH\nBerlin\n\nWe build the data platform for retailers.",
            ("Senior Data Engineer", "Globex GmbH", ["Berlin"], None),
        ),
        (
            "職缺：資料工程師\n公司：Globex\n地點：台北市\n\n我們正在招募資料工程師。",
            ("資料工程師", "Globex", ["台北市"], None),
        ),
        (
            "募集職種：データエンジニア\n会社名：Globex株式会社\n勤務地：東京都\n\nデータ基盤を作ります。",
            ("データエンジニア", "Globex株式会社", ["東京都"], None),
        ),
    ],
    ids=["tag, at, note", "country note", "a note not a place", "gender note", "Chinese labels", "Japanese labels"],
)
def test_title_lines_and_labels_of_other_shapes(paste: str, expected: tuple) -> None:
    found = read_posting(paste.encode())
    assert (found.title, found.company, found.locations, found.work_mode) == expected


def test_a_pages_own_heading_is_neither_title_nor_company() -> None:
    found = read_posting(b"# Open roles\n\n## Senior Data Engineer\n\nWe build the data platform for retailers.\n")
    assert found.title == "Senior Data Engineer" and found.company != "Open roles"


@pytest.mark.parametrize(
    ("paste", "company", "places"),
    [
        ("Senior Data Engineer\nGlobex, Amsterdam\n\nWe build the data platform.", "Globex", ["Amsterdam"]),
        ("Senior Data Engineer\nGlobex, Germany\n\nWe build the data platform.", "Globex", ["Germany"]),
        ("Senior Data Engineer\nBerlin, Germany\n\nWe build the data platform.", None, ["Berlin, Germany"]),
        ("Senior Data Engineer\nAcme, Inc.\n\nWe build the data platform.", "Acme, Inc.", []),
        (
            "# Open roles\n\n## Senior Data Engineer\n\nGlobex, Amsterdam\n\nWe build the data platform.",
            "Globex",
            ["Amsterdam"],
        ),
    ],
    ids=[
        "company, city",
        "company, country",
        "a place is no company",
        "a legal form is no place",
        "under a page heading",
    ],
)
def test_the_line_under_the_title_names_company_and_place(paste: str, company: str | None, places: list[str]) -> None:
    found = read_posting(paste.encode())
    assert (found.company, found.locations) == (company, places)


@pytest.mark.parametrize(
    ("location", "places"),
    [
        ("Location:\nBerlin, Munich, Hamburg", ["Berlin", "Munich", "Hamburg"]),
        ("Location: Berlin, Munich, Hamburg", ["Berlin", "Munich", "Hamburg"]),
        ("Location: Portland, Oregon, USA", ["Portland, Oregon, USA"]),
        ("Locations: Berlin, Germany", ["Berlin, Germany"]),
    ],
    ids=["on the next line", "on the line", "city, region, country", "city, country"],
)
def test_a_list_of_cities_is_several_places(location: str, places: list[str]) -> None:
    found = read_posting(f"Senior Data Engineer\nGlobex\n\n{location}\n\nWe build the data platform.\n".encode())
    assert found.locations == places


def test_letters_styled_as_a_font_are_read_as_letters_and_the_body_keeps_them() -> None:
    found = read_posting("𝐒𝐞𝐧𝐢𝐨𝐫 𝐃𝐚𝐭𝐚 𝐄𝐧𝐠𝐢𝐧𝐞𝐞𝐫 at Acme\n\nSalary: $𝟓,𝟎𝟎𝟎 per month\n".encode())
    assert (found.title, found.company) == ("Senior Data Engineer", "Acme")
    assert found.salary is not None and found.salary.min == 5000
    assert "𝐒𝐞𝐧𝐢𝐨𝐫" in found.body


def test_a_first_line_of_company_place_level_and_pay_is_no_title() -> None:
    found = read_posting("有赞 - 杭州 - 资深 - 20k~40k\n\n## 工作职责\n负责前端开发\n".encode())
    assert (found.title, found.company, found.locations) == (None, "有赞", ["杭州"])
    assert found.salary is not None and (found.salary.min, found.salary.max, found.salary.currency) == (
        20000,
        40000,
        "CNY",
    )


@pytest.mark.parametrize(
    ("text", "names_a_job"),
    [
        ("Softwareentwickler Java", True),
        ("Systemadministratorin", True),
        ("Fachinformatiker Anwendungsentwicklung", True),
        ("Webontwikkelaar", True),
        ("Senior Data Engineer", True),
        ("Kinderbetreuung", False),
        ("Entwicklungsumgebung", False),
        ("Payments", False),
    ],
)
def test_a_job_named_at_the_end_of_a_compound(text: str, names_a_job: bool) -> None:
    assert is_job_title(text) is names_a_job


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Role", True),
        ("**Role**", True),
        ("[Vaga]", True),
        ("## Company", True),
        ("_Job title_", True),
        ("Acme", False),
        ("Roles", False),
    ],
)
def test_a_fields_label_however_marked(text: str, label: bool) -> None:
    assert is_label(text) is label
