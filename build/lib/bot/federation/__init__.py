"""Federation data: regional bodies, groups, companies, members, advisors and events."""
