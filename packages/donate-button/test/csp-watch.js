// Run first (a classic script in the head): notes every violation of the page's policy, for csp.test.ts.
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
