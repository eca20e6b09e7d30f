"""The site: generated pages and what each hand-written page is shown with, the renderers
they are made of, and the unlinking of pages a published build leaves out."""
