-- letterlint for Neovim: starts `letterlint lsp` for Markdown buffers.
-- Works on Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).
local M = {}

M.defaults = {
  -- The server command; the binary must be on PATH, or give its full path.
  cmd = { "letterlint", "lsp" },
  filetypes = { "markdown" },
  -- Files that mark the root of a letters project.
  root_markers = { "letterlint.toml", ".git" },
  -- Server settings: kind, platform, locale, inlayHints, rules = { ["text/shouting"] = "off" }.
  settings = {},
}

M.config = vim.deepcopy(M.defaults)
local clients_by_root = {}

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ";")
    if found == "" then
      found = vim.fn.finddir(marker, dir .. ";")
    end
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git/?$", "")
    end
  end
  return dir
end

local function client_config(root)
  return {
    name = "letterlint",
    cmd = M.config.cmd,
    root_dir = root,
    init_options = M.config.settings,
    settings = { letterlint = M.config.settings },
  }
end

--- Starts (or reuses) the server for a buffer; returns the client id.
function M.start(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local root = root_dir(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  -- Neovim 0.7: one client per root, attached by hand.
  local id = clients_by_root[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(client_config(root))
    clients_by_root[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

local function letterlint_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == "letterlint" then
      return client
    end
  end
end

--- Applies every safe fix in the buffer (the server's `source.fixAll.letterlint` action).
function M.fix_all(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = letterlint_client(bufnr)
  if not client then
    return false
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { "source.fixAll.letterlint" } },
  }
  local response = client.request_sync("textDocument/codeAction", params, 5000, bufnr)
  for _, action in ipairs((response and response.result) or {}) do
    if action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
    end
  end
  return true
end

--- Configures letterlint and starts it for every Markdown buffer.
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  if vim.fn.executable(M.config.cmd[1]) == 0 then
    vim.notify("letterlint: `" .. M.config.cmd[1] .. "` was not found; install letterlint or set `cmd`", vim.log.levels.WARN)
    return
  end
  local group = vim.api.nvim_create_augroup("letterlint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  vim.api.nvim_create_user_command("LetterlintFixAll", function()
    M.fix_all()
  end, { desc = "Apply every safe letterlint fix" })
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

return M
