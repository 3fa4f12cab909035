// The Pipeline constructor that authenticates against AccountService. Kept apart from
// pipeline.cpp so that pipeline unit tests link without the accounts implementation.

#include "accounts/account_service.hpp"
#include "api/pipeline.hpp"

namespace enshu::api {

Pipeline::Pipeline(Services& services, const std::vector<Route>& routes)
    : Pipeline(services, routes, [&accounts = services.accounts](std::string_view session_token) {
          return accounts.Authenticate(session_token);
      }) {}

}  // namespace enshu::api
