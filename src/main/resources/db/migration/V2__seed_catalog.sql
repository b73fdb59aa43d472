-- The seeded catalogue: the platform plans and three products with Starter, Pro and Enterprise plans.
INSERT INTO products (code, name, badge, kind, disable_policy) VALUES
    ('platform',   'Platform',   '🌐', 'platform', 'keep'),
    ('money_loan', 'Money Loan', '💰', 'product',  'keep'),
    ('bnpl',       'BNPL',       '🛒', 'product',  'keep'),
    ('pawnshop',   'Pawnshop',   '💎', 'product',  'keep');

INSERT INTO subscription_plans (product_type, tier, name, price, currency, billing_cycle, features) VALUES
    ('platform', 'trial',      'Trial',      0.00,   'USD', 'monthly', '["Up to 3 users", "Community support", "14-day trial"]'),
    ('platform', 'starter',    'Starter',    29.00,  'USD', 'monthly', '["Up to 10 users", "Email support", "Basic reports"]'),
    ('platform', 'pro',        'Pro',        99.00,  'USD', 'monthly', '["Up to 50 users", "Priority support", "Advanced reports", "API access"]'),
    ('platform', 'enterprise', 'Enterprise', 299.00, 'USD', 'monthly', '["Unlimited users", "Dedicated support", "SSO", "Audit exports"]'),
    ('money_loan', 'starter',    'Money Loan - Starter',    49.00,  'USD', 'monthly', '["Up to 500 loans", "Loan calculator"]'),
    ('money_loan', 'pro',        'Money Loan - Pro',        129.00, 'USD', 'monthly', '["Up to 5,000 loans", "Collections workflow", "Credit scoring"]'),
    ('money_loan', 'enterprise', 'Money Loan - Enterprise', 349.00, 'USD', 'monthly', '["Unlimited loans", "Custom workflows", "Regulatory reports"]'),
    ('bnpl',       'starter',    'BNPL - Starter',          39.00,  'USD', 'monthly', '["Up to 1,000 orders", "Installment plans"]'),
    ('bnpl',       'pro',        'BNPL - Pro',              109.00, 'USD', 'monthly', '["Up to 10,000 orders", "Merchant portal", "Risk checks"]'),
    ('bnpl',       'enterprise', 'BNPL - Enterprise',       299.00, 'USD', 'monthly', '["Unlimited orders", "Custom risk rules", "Settlement exports"]'),
    ('pawnshop',   'starter',    'Pawnshop - Starter',      45.00,  'USD', 'monthly', '["Up to 300 pawn tickets", "Item catalogue"]'),
    ('pawnshop',   'pro',        'Pawnshop - Pro',          119.00, 'USD', 'monthly', '["Up to 3,000 pawn tickets", "Auctions", "Appraisal history"]'),
    ('pawnshop',   'enterprise', 'Pawnshop - Enterprise',   319.00, 'USD', 'monthly', '["Unlimited pawn tickets", "Multi-branch", "Compliance reports"]');
