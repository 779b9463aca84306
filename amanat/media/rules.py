import rules

from amanat.accounts.predicates import has_role, is_admin, is_analyst
from amanat.accounts.roles import Role

is_media_monitor = has_role(Role.MEDIA_MONITOR)

# Media monitors code the items of their queue; analysts assign double coding, read
# reliability and keep the declared election funds. The public sees aggregates only.
rules.add_perm("media.code", is_admin | is_media_monitor)
rules.add_perm("media.analyse", is_admin | is_analyst)
