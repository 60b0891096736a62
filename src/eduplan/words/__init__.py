"""The words eduplan writes: labels in Thai and English, Thai digits, dates and money, shared by every output."""
