-- Minimal Neovim set-up for tests/lsp_neovim.rs: no plugins, only the
-- built-in LSP client. It starts `mtlint lsp` ($MTLINT_BIN) for the file
-- given on the command line, waits for diagnostics, writes them to
-- $MTLINT_NVIM_OUT as JSON, applies the first quick fix offered at the
-- "Lawrow" finding, writes the buffer and quits.

vim.opt.fixendofline = false -- keep the file's last line as it is
vim.opt.swapfile = false

local out_path = os.getenv("MTLINT_NVIM_OUT")
local report = { diagnostics = {}, steps = {} }

local function finish(ok, err)
  report.ok = ok
  report.error = err and tostring(err) or nil
  local f = io.open(out_path, "w")
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd(ok and "qall!" or "cquit!")
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  local client_id = vim.lsp.start_client({
    name = "mtlint",
    cmd = { os.getenv("MTLINT_BIN"), "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    flags = { debounce_text_changes = 0 },
  })
  assert(client_id, "the client did not start")
  vim.lsp.buf_attach_client(bufnr, client_id)
  table.insert(report.steps, "attached")

  local arrived = vim.wait(30000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  assert(arrived, "no diagnostics within 30 s")
  local lawrow
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
    -- a finding that runs into the next line: its text on this line
    local last = (d.end_lnum or d.lnum) > d.lnum and #line or d.end_col
    local text = line:sub(d.col + 1, last)
    table.insert(report.diagnostics, {
      rule = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      source = d.source,
      lnum = d.lnum,
      col = d.col,
      text = text,
      severity = d.severity,
    })
    if text == "Lawrow" and not lawrow then
      lawrow = { diagnostic = d, line = line }
    end
  end
  assert(lawrow, "no diagnostic covers “Lawrow”")
  table.insert(report.steps, "diagnostics")

  local client = vim.lsp.get_client_by_id(client_id)
  local d = lawrow.diagnostic
  local _, start16 = vim.str_utfindex(lawrow.line, d.col)
  local _, end16 = vim.str_utfindex(lawrow.line, d.end_col)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = {
      start = { line = d.lnum, character = start16 },
      ["end"] = { line = d.lnum, character = end16 },
    },
    context = { diagnostics = {} },
  }
  local response = client.request_sync("textDocument/codeAction", params, 20000, bufnr)
  assert(response and not response.err, "codeAction failed: " .. vim.inspect(response))
  local action
  for _, a in ipairs(response.result or {}) do
    if a.kind == "quickfix" and a.edit then
      action = a
      break
    end
  end
  assert(action, "no quick fix offered: " .. vim.inspect(response.result))
  report.action = action.title
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  report.offset_encoding = client.offset_encoding
  vim.cmd("write")
  table.insert(report.steps, "applied")
  vim.lsp.stop_client(client_id)
end

vim.schedule(function()
  local ok, err = pcall(run)
  finish(ok, err)
end)
