"""What a loaded plan says about itself: indicator status per year, gaps, higher-plan alignment."""
