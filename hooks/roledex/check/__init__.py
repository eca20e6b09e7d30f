"""Rules about meaning that judge the whole, loaded knowledge base, and the check of a built
site for private text. They read records and facts; the pages never run them again."""
