-- Headless end-to-end test: the plugin attaches letterlint to a letter, diagnostics arrive, a
-- quick-fix changes the buffer and the diagnostics follow, completion offers the front matter's
-- order id and phrases. Run by test/e2e.sh.
local plugin = os.getenv("LETTERLINT_NVIM_ROOT")
local bin = os.getenv("LETTERLINT_BIN")
local letter = os.getenv("LETTERLINT_LETTER")
vim.opt.runtimepath:prepend(plugin)
vim.cmd("filetype on")

local function finish(code, message)
  io.stderr:write(message .. "\n")
  vim.cmd((code == 0 and "qall!" or "cquit! " .. code))
end

local function check(condition, message)
  if not condition then
    finish(1, "FAIL: " .. message)
    error(message)
  end
  io.stderr:write("ok - " .. message .. "\n")
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function find(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if code_of(d) == code then
      return d
    end
  end
end

local ok, err = pcall(function()
  require("letterlint").setup({ cmd = { bin, "lsp" } })
  vim.cmd("edit " .. vim.fn.fnameescape(letter))
  check(vim.bo.filetype == "markdown", "the letter is a Markdown buffer")
  check(vim.wait(10000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50), "the server attached")
  local client = vim.lsp.buf_get_clients(0)[next(vim.lsp.buf_get_clients(0))]
  check(vim.wait(10000, function() return find("text/time-format") ~= nil end, 50), "diagnostics arrived")
  local d = find("text/time-format")
  -- The test line is ASCII, so byte columns equal UTF-16 columns.
  local lsp_diagnostic = {
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    code = code_of(d), message = d.message, source = d.source, severity = d.severity,
  }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }
  local response = client.request_sync("textDocument/codeAction", params, 5000, 0)
  local preferred
  for _, action in ipairs(response.result or {}) do
    if action.isPreferred then
      preferred = action
    end
  end
  if preferred == nil then io.stderr:write(vim.inspect(response) .. "\n") end
  check(preferred ~= nil and preferred.title == "Write `22:00`", "a preferred quick-fix is offered")
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or "utf-16")
  local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
  check(line == "Our packers now work until 22:00 every day.", "the quick-fix changed the buffer")
  check(vim.wait(10000, function() return find("text/time-format") == nil end, 50), "the diagnostics updated")

  -- Completion on the empty line after the acknowledgment (0-based line 8).
  local items_response = client.request_sync("textDocument/completion", {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = 8, character = 0 },
  }, 5000, 0)
  local labels = {}
  for _, item in ipairs(items_response.result or {}) do
    labels[item.label] = item
  end
  check(labels["5f00000000000000000c0ffe"] ~= nil, "completion offers the order id")
  check(labels["The root cause was…"] ~= nil, "completion offers the phrase for the next part")
  local template
  for _, item in ipairs(items_response.result or {}) do
    if item.label:match("^template: ") and (item.detail or ""):match("^appeal/") then
      template = item
    end
  end
  check(template ~= nil, "completion offers the templates")
  check(template.insertTextFormat == 2 and template.textEdit.newText:find("%${%d") ~= nil,
    "as a snippet with tab stops")
  finish(0, "all passed")
end)
if not ok then
  finish(1, "FAIL: " .. tostring(err))
end
