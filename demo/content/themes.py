"""Themes (Theme snippets), keyed by slug."""

THEMES = [
    {
        "slug": "integration-och-utanforskap",
        "name": "Integration och utanförskap",
        "description": "Hur fler kan bli en del av samhället, och hur områden med stort utanförskap "
        "kan lyftas.",
    },
    {
        "slug": "unga-och-trygghet",
        "name": "Unga och trygghet",
        "description": "Förebyggande arbete, trygga miljöer och vägar bort från kriminalitet för "
        "barn och unga.",
    },
    {
        "slug": "civilsamhallets-villkor",
        "name": "Civilsamhällets villkor",
        "description": "Finansiering, lokaler och långsiktiga förutsättningar för föreningar och stiftelser.",
    },
    {
        "slug": "skola-och-forskola",
        "name": "Skola och förskola",
        "description": "Skolans och förskolans roll för barns trygghet, lärande och framtidstro.",
    },
    {
        "slug": "arbete-och-sysselsattning",
        "name": "Arbete och sysselsättning",
        "description": "Första jobbet, praktik och samarbete med arbetsgivare.",
    },
]
