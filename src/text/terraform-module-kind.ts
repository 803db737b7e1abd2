/**
 * A reusable Terraform module (terraform-aws-eks, terraform-aws-rds, a `wrappers/` directory): a
 * directory whose `.tf` files declare input variables and configure no provider, state backend or
 * Terraform Cloud. What it creates, it creates for its users, who decide whether to turn it on;
 * a deployed configuration (a root with a backend or provider settings) decides for itself.
 */
export function isReusableModule(texts: Iterable<string>): boolean {
  let variables = false;
  for (const text of texts) {
    if (/^\s*(provider\s+"|backend\s+"|cloud\s*\{)/m.test(text)) return false;
    if (/^variable\s+"/m.test(text)) variables = true;
  }
  return variables;
}
