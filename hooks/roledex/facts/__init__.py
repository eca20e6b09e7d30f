"""What follows from the records: pay per year in one currency, where applications stand,
which records a build may show, prep notes, skills matching and the export rows."""
