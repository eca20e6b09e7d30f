"""The title line of a community board's post: each part told apart by what it is."""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.run import read_posting
from roledex.importer.title_line import TitleLine, read_title_line


@pytest.mark.parametrize(
    ("line", "title", "company", "places", "mode"),
    [
        ("Acme | Data Engineer | Berlin", "Data Engineer", "Acme", ("Berlin",), None),
        (
            "## **Acme | Staff Engineer | Paris | Full-time | VISA | €100k | https://acme.example | jobs@acme.io**",
            "Staff Engineer",
            "Acme",
            ("Paris",),
            None,
        ),
        ("Acme (Y Combinator W20) - Data Engineer - Berlin", "Data Engineer", "Acme", ("Berlin",), None),
        ("Acme | Berlin | Data Engineer", "Data Engineer", "Acme", ("Berlin",), None),
        ("Acme - Data Engineer - Berlin - Hybrid", "Data Engineer", "Acme", ("Berlin",), "hybrid"),
        (
            "Acme | Senior Rust Engineer | Remote (US/Canada) | Full-time",
            "Senior Rust Engineer",
            "Acme",
            ("US/Canada",),
            "remote",
        ),
        (
            "[Remoto] Desenvolvedor Front-End Pleno na [Lumen Digital]",
            "Desenvolvedor Front-End Pleno",
            "Lumen Digital",
            (),
            "remote",
        ),
        (
            "[REMOTE, USA] Senior Frontend Developer at Northwind",
            "Senior Frontend Developer",
            "Northwind",
            ("USA",),
            "remote",
        ),
        ("[Híbrido] Desenvolvedor(a) Java Sênior - Orbita", "Desenvolvedor(a) Java Sênior", None, (), "hybrid"),
        ("[Analista de Dados Pleno] - CLT - Remoto", "Analista de Dados Pleno", None, (), "remote"),
        ("Kestrel.io - PHP Developer - Hanoi - Fulltime - 2021", "PHP Developer", "Kestrel.io", ("Hanoi",), None),
        ("KSTL - Software Engineer (Go) - HANOI/REMOTE - FT", "Software Engineer (Go)", "KSTL", ("HANOI",), "remote"),
        ("Regular Developer at Quill - Fully Remote - $3,000", "Regular Developer", "Quill", (), "remote"),
        ("Staff Full Stack Engineer ($300k - $500k salary", "Staff Full Stack Engineer", None, (), None),
        ("Harbor recruitment: Senior Software Engineer", "Senior Software Engineer", "Harbor recruitment", (), None),
        ("100% Remote Senior Software Consultant", "Senior Software Consultant", None, (), "remote"),
        (
            "Lark - Software Developer - Berlin, Hamburg, or Munich",
            "Software Developer",
            "Lark",
            ("Berlin", "Hamburg", "Munich"),
            None,
        ),
        ("[远程] 星河科技 诚聘 前端开发工程师 薪水 10K-25K RMB", "前端开发工程师", "星河科技", (), "remote"),
        ("[深圳/远程] 星河公司诚聘 后端工程师 薪水15k-40kRMB/月", "后端工程师", "星河", ("深圳",), "remote"),
        ("[远程]寻找前端工程师", "前端工程师", None, (), "remote"),
        (
            "[徵才][台北][遠端為主] 前端工程師 (Front-end Engineer) 80w~120w",
            "前端工程師 (Front-end Engineer)",
            None,
            ("台北",),
            "remote",
        ),
        (
            "Go Developer for Partner Projects (~1200$) - Ha Noi",
            "Go Developer for Partner Projects",
            None,
            ("Ha Noi",),
            None,
        ),
        ("Senior Back-End Engineer #Go - Full Remote", "Senior Back-End Engineer #Go", None, (), "remote"),
        (
            "Frontend Developer _ Max $2000 NET/month _ Ha Noi_ Vietnam",
            "Frontend Developer",
            None,
            ("Ha Noi", "Vietnam"),  # joined where the places are read: see test_labels
            None,
        ),
        ("Acme | Data Engineer | Portland, OR", "Data Engineer", "Acme", ("Portland, OR",), None),
        (
            "Acme | Data Engineer | Springfield, Shelbyville",
            "Data Engineer",
            "Acme",
            ("Springfield, Shelbyville",),
            None,
        ),
        (
            "Acme | Data Engineer | Berlin/Remote (Springfield)",
            "Data Engineer",
            "Acme",
            ("Berlin", "Springfield"),
            "remote",
        ),
        # a word that says the line is a posting; a name in a tag is the company; a place closes the line
        (
            "#VAGA [ACME BANK] SOFTWARE ENGINEER BACK END [SÃO PAULO]",
            "SOFTWARE ENGINEER BACK END",
            "ACME BANK",
            ("SÃO PAULO",),
            None,
        ),
        ("[社招][Nimbus]资深后端工程师", "资深后端工程师", "Nimbus", (), None),
        ("[HCM - Blimp.db][Urgent] Junior developer", "Junior developer", "Blimp.db", ("HCM",), None),
        # 'Hiring' after the tags, 'Remote' after the role, an address at the end are no part of the title
        ("[Dist 3] Hiring Backend Engineer (Ruby On Rails)", "Backend Engineer (Ruby On Rails)", None, (), None),
        ("JavaScript Developer Remote", "JavaScript Developer", None, (), "remote"),
        ("Java Developers needed --> https://goo.gl/x", "Java Developers needed", None, (), None),
        ("Acme & Co. KG: Full Stack Developer", "Full Stack Developer", "Acme", (), None),
        # a name closing the line in brackets is the company; after 'na' it is read with the role
        (
            "[Brasilia] Desenvolvedores JR/Pl/SR [Digisystem]",
            "Desenvolvedores JR/Pl/SR",
            "Digisystem",
            ("Brasilia",),
            None,
        ),
        ("[FRONTEND] [REMOTO] Desenvolvedor Front-End na [GFT]", "Desenvolvedor Front-End", "GFT", (), "remote"),
        # separators inside brackets do not cut; a note of places after the company leaves the title
        (
            "[Hibrido / Belo Horizonte, Minas Gerais, Brazil] Fullstack Developer (Híbrido - Belo Horizonte) na Acme",
            "Fullstack Developer",
            "Acme",
            ("Belo Horizonte, Minas Gerais, Brazil",),
            "hybrid",
        ),
        # modes before the role; a note that opens with 'open for'
        (
            "Hybrid/Remote, Engineering Manager (open for Ha Noi or Ho Chi Minh)",
            "Engineering Manager",
            None,
            ("Ha Noi", "Ho Chi Minh"),
            "hybrid",
        ),
        # pay in a closing tag names no company; 'Full Remote' is a mode, not 'Full' and 'Remote'
        ("[年薪2~3百萬] 資深工程師 [2.0 M-3.0M TWD/Y]", "資深工程師", None, (), None),
        ("Senior Back-End Engineer #Golang - Full Remote", "Senior Back-End Engineer #Golang", None, (), "remote"),
        # a level, a placeholder or 'hiring' in a tag is no company
        ("[資深] 後端工程師", "後端工程師", None, (), None),
        ("[城市名] 后端工程师", "后端工程师", None, (), None),
        # years of experience and a language are terms, not a company or a place
        (
            "[HYBRID WORKING - HCMC] JAVA ENGINEER - 4+ YOE - FLUENT IN ENGLISH",
            "JAVA ENGINEER",
            None,
            ("HCMC",),
            "hybrid",
        ),
        # a pictograph between words parts them as a dash would
        (
            "🎯SENIOR FRONTEND DEVELOPER💰USD 3,000-4,500 📍HCMC/Hybrid 🌎",
            "SENIOR FRONTEND DEVELOPER",
            None,
            ("HCMC",),
            "hybrid",
        ),
        # a role in brackets after a mode's tag; a term of hire is no company
        (
            "[FT/Direct Hire] [REMOTE-USA] [Sr. Backend Engineer (Java/Scala)] [$140-150K/yr + stock options]",
            "Sr. Backend Engineer (Java/Scala)",
            None,
            ("USA",),
            "remote",
        ),
        # pay in the middle of a part ends the role
        ("LTS Group - Flutter Developer 2000$ Base HN", "Flutter Developer", "LTS Group", (), None),
        # a count of openings, a language in a tag and a name that is a domain
        ("[Python] [Remoto] 7 Vagas Python Developer!", "Python Developer", None, (), "remote"),
        ("[Remoto] Desenvolvedor Python na Contratar.dev", "Desenvolvedor Python", "Contratar.dev", (), "remote"),
        # a mode before places a slash lists is kept
        ("Acme | Data Engineer | Remote / Berlin / Munich", "Data Engineer", "Acme", ("Berlin", "Munich"), "remote"),
        # a part naming a place no one knows among modes is not all places: none is kept
        ("Acme | Data Engineer | Remote / Springfield / Berlin", "Data Engineer", "Acme", (), None),
        ("[Teresópolis] Back-end Developer @Quarry Tech", "Back-end Developer", "Quarry Tech", ("Teresópolis",), None),
        ("[Remoto] Back-end developer @BackendBR", "Back-end developer", "BackendBR", (), "remote"),
        ("[Remote] Back-end Developer @ Quarry", "Back-end Developer", "Quarry", (), "remote"),
        (
            "[Nimbus] Back-end Developer at Quarry",
            "Back-end Developer",
            "Quarry",
            (),
            None,
        ),  # only '@' makes the tag a place
        ("Remote-Jobs: Software Engineer - Python, Java, AWS, Node, React", "Software Engineer", None, (), "remote"),
        ("Hiring-Jobs: Software Engineer", "Software Engineer", None, (), None),
        ("Software Engineer (Solo candidatos basados en México) - Quarry", "Software Engineer", None, (), None),
        (
            "Engineer (based en Madrid)",
            "Engineer (based en Madrid)",
            None,
            (),
            None,
        ),  # 'en' inside brackets names no company
        ("Acme - Data Engineer - Python/Django", "Data Engineer", "Acme", (), None),
        # a field's label before the colon is no company; words for hiring are no part of the role
        ("Role: Site Reliability Engineer", "Site Reliability Engineer", None, (), None),
        ("Stellenanzeige: Softwareentwickler (m/w/d) Java", "Softwareentwickler Java", None, (), None),
        ("Acme: Site Reliability Engineer", "Site Reliability Engineer", "Acme", (), None),
        ("Hiring: Staff ML Engineer | Quanta AI", "Staff ML Engineer", "Quanta AI", (), None),
        ("Hiring - Backend Engineer at Acme", "Backend Engineer", "Acme", (), None),
        ("We're hiring! Frontend Engineer at Pixelworks (Remote)", "Frontend Engineer", "Pixelworks", (), "remote"),
        ("Hiring Senior Data Engineer | Foo", "Senior Data Engineer", "Foo", (), None),
        ("Hiring Manager", "Hiring Manager", None, (), None),
        ("Hiring Manager - Acme", "Hiring Manager", "Acme", (), None),
        ("招聘：高级前端工程师", "高级前端工程师", None, (), None),
        ("Buscamos Desarrollador Python - Acme", "Desarrollador Python", "Acme", (), None),
        # the company written beside the role ('@', 'at') wins over a name after it, then a place
        (
            "[Hiring] Backend Engineer (Go) @ Kiwi Payments — Auckland, NZ — NZ$130-150k",
            "Backend Engineer (Go)",
            "Kiwi Payments",
            ("Auckland, NZ",),
            None,
        ),
        ("Java Developer at Orbita - Lisbon", "Java Developer", "Orbita", ("Lisbon",), None),
        ("Backend Engineer at Kiwi - Payments", "Backend Engineer", "Kiwi", (), None),
        # a board's word in the tags is no company
        ("[Vaga] Engenheiro de Dados - Remoto - até R$ 20k", "Engenheiro de Dados", None, (), "remote"),
        ("[Nubank] Engenheiro de Dados", "Engenheiro de Dados", "Nubank", (), None),
    ],
    ids=plain_id,
)
def test_title_lines(line: str, title: str, company: str | None, places: tuple[str, ...], mode: str | None) -> None:
    read = read_title_line(line)
    assert (read.title, read.places, read.mode) == (title, places, mode)
    assert read.company == company or (read.company_after_role and read.company in line)


@pytest.mark.parametrize(
    "line",
    [
        "We are hiring | apply today | now",
        "Just a heading",
        "A - B",
        "What you get | and more",
        "码云 - 北京 - 16k-25k",
    ],
)
def test_lines_that_name_no_role(line: str) -> None:
    assert read_title_line(line).title is None


def test_tags_alone_state_places_and_mode() -> None:
    assert read_title_line("[Remote][Berlin] two openings, ask inside") == TitleLine(places=("Berlin",), mode="remote")
    assert read_title_line("Remote | Berlin | Hybrid") == TitleLine()  # no tags, no role: nothing is sure
    assert read_title_line("[Hanoi] up to $4000 gross, two openings") == TitleLine(places=("Hanoi",))


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        # the name after the role is the company when the posting names it again ...
        ("Java Developer - Orbita\n\nOrbita builds payment rails. Join Orbita in Lisbon.", "Java Developer", "Orbita"),
        # ... as written, or in an address, or with its legal form ...
        ("Java Developer - Orbita\n\nSend your CV to jobs@orbita.io.", "Java Developer", "Orbita"),
        ("Data Engineer - Foo GmbH\n\nLocation: Munich\n\nOne day a week from home.", "Data Engineer", "Foo"),
        ("Backend Engineer - Tulip B.V. - Amsterdam\n\nWe sell flowers.", "Backend Engineer", "Tulip"),
        # ... and a team otherwise, kept in the title
        ("Product Manager - Payments\n\nLocation: London\n\nWe move money.", "Product Manager - Payments", None),
        ("Product Manager - Payments\n\nYou own our payments.", "Product Manager - Payments", None),
        ("Product Manager - Payments\n\nSee payments.example.com/jobs.", "Product Manager - Payments", None),
        # ... or when the words name another company
        (
            "Desenvolvedor Mobile - React Native\n\nA Pomar Tecnologia está contratando! React Native no dia a dia.",
            "Desenvolvedor Mobile - React Native",
            "Pomar Tecnologia",
        ),
    ],
)
def test_the_name_after_the_role(text: str, title: str, company: str | None) -> None:
    found = read_posting(text.encode())
    assert (found.title, found.company) == (title, company)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("[Remoto] Dev Backend na [Lumen]\n\n## Nossa empresa\n\nSomos a Lumen.", "Lumen"),
        ("Backend Engineer\n\n## Location\n\n* Hanoi, Vietnam\n", None),
        ("前端工程师\n\n## 公司/团队介绍\n我们是一家初创公司。", None),
    ],
)
def test_a_section_heading_is_never_the_company(text: str, company: str | None) -> None:
    assert read_posting(text.encode()).company == company


@pytest.mark.parametrize(
    "text",
    [
        "前端工程师\n\n## 工作性质\n\n- 是否远程：远程\n",
        "前端工程师\n\n## 工作性质\n\n- 是否远程：是\n",
        "資深工程師\n\n全遠端，彈性上下班。\n",
        "Go Engineer\n\nLondon - Location: 100% RemoteType: PermanentSalary: £60,000 - £80,000 Per Annum\n",
    ],
)
def test_remote_as_boards_write_it(text: str) -> None:
    assert read_posting(text.encode()).work_mode == "remote"


@pytest.mark.parametrize(
    ("text", "salary"),
    [
        ("Dev Backend\n\nSalário: R$ 8 mil a R$ 11 mil por mês", (8000, 11000, "BRL", "month")),
        ("Dev Backend\n\nFaixa salarial: R$ 12.000 a R$ 22.000, conforme experiência.", (12000, 22000, "BRL", "month")),
        ("Engineer\n\nSalary range is 130k-145kUSD for US residents.", (130000, 145000, "USD", "year")),
        ("Engenheiro\n\nSALÁRIO: pode chegar a R$13.500,00", (None, 13500, "BRL", "month")),
        ("Dev\n\nRemuneração: entre USD 3,500 a USD 5,000 mês", (3500, 5000, "USD", "month")),
    ],
)
def test_pay_as_community_boards_write_it(text: str, salary: tuple) -> None:
    found = read_posting(text.encode()).salary
    assert found is not None and (found.min, found.max, found.currency, found.period) == salary


@pytest.mark.parametrize(
    ("line", "company", "places"),
    [
        # 'Company - Place - Level - Pay', a board's line that names no role
        ("有赞 - 杭州 - 资深 - 20k~40k", "有赞", ("杭州",)),
        ("蚂蚁金服-支付宝- 杭州/北京 - P6/P7 - 20k-40k", "蚂蚁金服-支付宝", ("杭州", "北京")),
        ("码云Gitee - 北京海淀区 - 中级/高级 - 16k-25k", "码云Gitee", ("北京海淀区",)),
        # a template's words, or two names, are not read
        ("公司名 - 地点 - 岗位级别 - 薪资范围", None, ()),
        ("Acme - Globex - 20k", None, ()),
        ("JP Morgan", None, ()),
    ],
)
def test_a_line_that_names_no_role(line: str, company: str | None, places: tuple[str, ...]) -> None:
    read = read_title_line(line)
    assert (read.title, read.company, read.places) == (None, company, places)
