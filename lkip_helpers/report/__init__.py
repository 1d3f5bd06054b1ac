"""The report object: one kecamatan-year's checked data set, its settings and every figure."""
