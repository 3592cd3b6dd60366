# xmgl body: sha256 1ad868746050a826d47faba6e359795b2f0c30c74c8292710cf8a1a01c10df91 jinja2 3.1.6 docxtpl 0.20.2
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = None

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_project = resolve('project')
    l_0_period = resolve('period')
    l_0_regulation = resolve('regulation')
    l_0_approval = resolve('approval')
    l_0_investment = resolve('investment')
    l_0_funding = resolve('funding')
    l_0_builders = resolve('builders')
    l_0_supervisors = resolve('supervisors')
    l_0_schedule = resolve('schedule')
    l_0_planned = resolve('planned')
    l_0_progress = resolve('progress')
    l_0_events = resolve('events')
    l_0_percent = resolve('percent')
    l_0_money = resolve('money')
    l_0_payments = resolve('payments')
    l_0_contracts = resolve('contracts')
    l_0_procurements = resolve('procurements')
    l_0_changes = resolve('changes')
    l_0_security = resolve('security')
    l_0_data_sharing = resolve('data_sharing')
    l_0_deployment = resolve('deployment')
    l_0_carried_problems = resolve('carried_problems')
    l_0_problems = resolve('problems')
    l_0_next_steps = resolve('next_steps')
    l_0_signed_date = resolve('signed_date')
    try:
        t_1 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_2 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    pass
    yield '<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">\n<w:p><w:pPr><w:pStyle w:val="Title"/><w:spacing w:after="0"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'name')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>建设进展情况季度报告</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr><w:r><w:t xml:space="preserve">（第'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'index')))
    yield '期：'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'start_cn')))
    yield '至'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end_cn')))
    yield '）</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="顶格正文"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='regulation') if l_0_regulation is missing else l_0_regulation), 'recipient')))
    yield '：</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">根据'
    yield escape(environment.finalize(environment.getattr((undefined(name='regulation') if l_0_regulation is missing else l_0_regulation), 'name')))
    yield '第十六条，现将'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'name')))
    yield '第'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'index')))
    yield '期（'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'start_cn')))
    yield '至'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end_cn')))
    yield '）建设进展情况报告如下。本期报告报送截止日期为'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'due_text')))
    yield '。'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'as_of_text')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、基本信息</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>表1\u3000项目基本信息</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="2381"/><w:gridCol w:w="6463"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'name')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>项目编号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'code')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>项目单位</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'unit')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>项目法人</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'legal_person')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>立项批复</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='approval') if l_0_approval is missing else l_0_approval), 'text')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>概算批复</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='approval') if l_0_approval is missing else l_0_approval), 'budget_text')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>批复概算（在用）</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='investment') if l_0_investment is missing else l_0_investment), 'budget')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>资金来源</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='funding') if l_0_funding is missing else l_0_funding), 'source')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>承建单位</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize((undefined(name='builders') if l_0_builders is missing else l_0_builders)))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>监理单位</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize((undefined(name='supervisors') if l_0_supervisors is missing else l_0_supervisors)))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>建设期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='schedule') if l_0_schedule is missing else l_0_schedule), 'period_text')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>开工日期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='schedule') if l_0_schedule is missing else l_0_schedule), 'start')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>计划完工日期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='schedule') if l_0_schedule is missing else l_0_schedule), 'planned_end')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>报告期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">第'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'index')))
    yield '期：'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'start_cn')))
    yield '至'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end_cn')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>报送截止日期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'due_text')))
    yield '</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>二、本期完成的建设内容与里程碑</w:t></w:r></w:p>'
    if (undefined(name='planned') if l_0_planned is missing else l_0_planned):
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize((undefined(name='planned') if l_0_planned is missing else l_0_planned)))
        yield '</w:t></w:r></w:p>'
    if (not (undefined(name='progress') if l_0_progress is missing else l_0_progress)):
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'no_progress_text')))
        yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：本期完成的建设内容与里程碑】</w:t></w:r></w:p>'
    for l_1_e in (undefined(name='events') if l_0_events is missing else l_0_events):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_e, 'line')))
        yield '</w:t></w:r></w:p>'
    l_1_e = missing
    yield '\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize((undefined(name='percent') if l_0_percent is missing else l_0_percent)))
    yield '。</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">进度情况：'
    yield escape(environment.finalize(environment.getattr((undefined(name='schedule') if l_0_schedule is missing else l_0_schedule), 'verdict')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>三、投资完成与资金支付</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='schedule') if l_0_schedule is missing else l_0_schedule), 'invested_text')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t xml:space="preserve">表1\u3000资金支付情况（截至'
    yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'cutoff_cn')))
    yield '）</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="2381"/><w:gridCol w:w="6463"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>批复概算（在用）</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'budget')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>合同金额累计</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'contracted')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>本期支付</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'paid_period')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>累计支付</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'paid_total')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>合同未付</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'unpaid')))
    yield '</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>支付率</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6463"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'pay_rate')))
    yield '（累计支付÷批复概算）</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>'
    if environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'operation_note'):
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'operation_note')))
        yield '</w:t></w:r></w:p>'
    if (undefined(name='payments') if l_0_payments is missing else l_0_payments):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>表1\u3000本期支付明细</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="1701"/><w:gridCol w:w="1417"/><w:gridCol w:w="2494"/><w:gridCol w:w="1644"/><w:gridCol w:w="1587"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>支付日期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1417"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>合同编号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2494"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>金额</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1644"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>凭证号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1587"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>说明</w:t></w:r></w:p></w:tc></w:tr>'
        for l_1_r in (undefined(name='payments') if l_0_payments is missing else l_0_payments):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'date_cn')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1417"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'contract')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2494"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'amount')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1644"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'voucher')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1587"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'note')))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_r = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>'
    else:
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">档案中本期（截至'
        yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'cutoff_cn')))
        yield '）没有支付记录。</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>四、招标采购与合同情况</w:t></w:r></w:p>'
    if (undefined(name='contracts') if l_0_contracts is missing else l_0_contracts):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t xml:space="preserve">表1\u3000合同情况（截至'
        yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'cutoff_cn')))
        yield '）</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="1531"/><w:gridCol w:w="680"/><w:gridCol w:w="2268"/><w:gridCol w:w="2665"/><w:gridCol w:w="1701"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1531"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>合同编号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>类型</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>合同相对方</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2665"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>金额</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>签订日期</w:t></w:r></w:p></w:tc></w:tr>'
        for l_1_r in (undefined(name='contracts') if l_0_contracts is missing else l_0_contracts):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1531"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'id')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'type')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'party')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2665"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'amount')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'date_cn')))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_r = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>'
    else:
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">【待填写：招标采购进展（截至'
        yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'cutoff_cn')))
        yield '档案中尚无合同记录）】</w:t></w:r></w:p>'
    if (undefined(name='procurements') if l_0_procurements is missing else l_0_procurements):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t xml:space="preserve">表1\u3000招标采购情况（截至'
        yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'cutoff_cn')))
        yield '）</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="1701"/><w:gridCol w:w="1814"/><w:gridCol w:w="1020"/><w:gridCol w:w="1701"/><w:gridCol w:w="2608"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>日期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>采购内容</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1020"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>方式</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>中标（成交）单位</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2608"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:tr>'
        for l_1_r in (undefined(name='procurements') if l_0_procurements is missing else l_0_procurements):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'date_cn')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'subject')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1020"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'method')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'winner')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2608"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'amount')))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_r = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>五、变更情况</w:t></w:r></w:p>'
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t xml:space="preserve">表1\u3000变更情况（截至'
        yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'cutoff_cn')))
        yield '）</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="1701"/><w:gridCol w:w="680"/><w:gridCol w:w="2381"/><w:gridCol w:w="1814"/><w:gridCol w:w="2268"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>日期</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>事项</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>变更内容</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>投资增加</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>批复情况</w:t></w:r></w:p></w:tc></w:tr>'
        for l_1_r in (undefined(name='changes') if l_0_changes is missing else l_0_changes):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'date_cn')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'aspect')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2381"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'description')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'amount_delta')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'approval')))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_r = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>'
        if t_1(context.eval_ctx, t_2(context, (undefined(name='changes') if l_0_changes is missing else l_0_changes), 'approved')):
            pass
            yield '\n<w:p><w:r><w:t>按照《大石桥市政务信息化项目管理暂行办法》第十五条，项目单位应当严格执行已批复的项目初步设计及概算，不得擅自调整项目规模、内容、标准、投资等。上表中档案未见批复的变更，【待填写：报批情况或说明】</w:t></w:r></w:p>'
    else:
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">截至'
        yield escape(environment.finalize(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'cutoff_cn')))
        yield '，档案中没有变更记录。</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">六、'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'protection_short')))
    yield '、密码应用和数据共享对接进展</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">1. '
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'protection')))
    yield '：'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'mlps_statement')))
    yield '。本期进展：'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'protection_progress')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">2. 密码应用：'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'crypto_review')))
    yield '。本期进展：【待填写：密码应用建设和密评进展】</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">3. 数据共享对接：'
    yield escape(environment.finalize(environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'count_text')))
    yield '；'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'resource_platform_text')))
    yield '。本期进展：【待填写：共享接口对接进展】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>七、存在的问题与风险</w:t></w:r></w:p>'
    if (undefined(name='carried_problems') if l_0_carried_problems is missing else l_0_carried_problems):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="顶格正文"/></w:pPr><w:r><w:t>（一）以前报告期提出、本期初尚未解决的问题</w:t></w:r></w:p>'
        l_1_loop = missing
        for l_1_x, l_1_loop in LoopContext((undefined(name='carried_problems') if l_0_carried_problems is missing else l_0_carried_problems), undefined):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
            yield '. '
            yield escape(environment.finalize(environment.getattr(l_1_x, 'text')))
            yield '（'
            yield escape(environment.finalize(environment.getattr(l_1_x, 'date_cn')))
            yield '记录）解决情况：'
            yield escape(environment.finalize(environment.getattr(l_1_x, 'state')))
            yield '</w:t></w:r></w:p>'
        l_1_loop = l_1_x = missing
        yield '\n<w:p><w:pPr><w:pStyle w:val="顶格正文"/></w:pPr><w:r><w:t>（二）本期新出现的问题与风险</w:t></w:r></w:p>'
    l_1_loop = missing
    for l_1_x, l_1_loop in LoopContext((undefined(name='problems') if l_0_problems is missing else l_0_problems), undefined):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield '. '
        yield escape(environment.finalize(l_1_x))
        yield '</w:t></w:r></w:p>'
    l_1_loop = l_1_x = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>八、下期工作计划</w:t></w:r></w:p>'
    for l_1_x in (undefined(name='next_steps') if l_0_next_steps is missing else l_0_next_steps):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(l_1_x))
        yield '</w:t></w:r></w:p>'
    l_1_x = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>九、需协调解决的事项</w:t></w:r></w:p>\n<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>【待填写：需市数据局或有关部门协调解决的事项；没有则写“无”】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="落款"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'unit')))
    yield '（盖章）</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="成文日期"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize((undefined(name='signed_date') if l_0_signed_date is missing else l_0_signed_date)))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="填报人"/></w:pPr><w:r><w:t xml:space="preserve">（填报人：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'contact')))
    yield '，联系电话：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'phone')))
    yield '）</w:t></w:r></w:p><w:sectPr w:rsidR="00FC693F" w:rsidRPr="0006063C" w:rsidSect="00034616"><w:footerReference w:type="default" r:id="rId9"/><w:footerReference w:type="even" r:id="rId10"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="850" w:footer="1191" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/></w:sectPr></w:body>'

blocks = {}
debug_info = '2=49&4=51&6=57&7=59&11=73&13=75&15=77&17=79&19=81&21=83&23=85&25=87&27=89&29=91&31=93&33=95&35=97&37=99&39=105&41=107&42=110&43=115&44=117&45=121&46=125&47=127&49=129&50=131&52=133&54=135&56=137&58=139&60=141&62=143&63=145&64=148&70=153&71=157&72=159&73=161&74=163&75=165&77=172&78=175&79=178&84=180&85=184&86=186&87=188&88=190&89=192&91=199&92=204&97=206&98=210&99=212&100=214&101=216&102=218&104=223&105=226&110=228&111=232&112=234&113=236&114=238&115=240&116=244&118=250&119=253&120=255&121=261&122=263&123=267&124=271&125=275&126=286&127=290&128=296&129=300&132=304&133=306&134=308'