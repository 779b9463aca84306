"""Media monitoring: outlets, monitoring periods, coded items, double coding and reliability,
and campaign finance set against the paid coverage observed."""
