# xmgl body: sha256 4500116b8a787ad11538a26855e805029cbc4b097803233765eba5e7cda9d1d9 jinja2 3.1.6 docxtpl 0.20.2
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = None

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_project = resolve('project')
    l_0_generated = resolve('generated')
    l_0_ch = resolve('ch')
    l_0_basis = resolve('basis')
    l_0_investment = resolve('investment')
    l_0_funding = resolve('funding')
    l_0_reserve = resolve('reserve')
    l_0_principles = resolve('principles')
    l_0_deployment = resolve('deployment')
    l_0_platform = resolve('platform')
    l_0_cross_boundary = resolve('cross_boundary')
    l_0_security = resolve('security')
    l_0_data_sharing = resolve('data_sharing')
    l_0_service_purchase = resolve('service_purchase')
    l_0_attachments = resolve('attachments')
    pass
    yield '<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Title"/><w:spacing w:after="0"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'name')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>可行性研究报告</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr><w:r><w:t xml:space="preserve">项目单位：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'unit')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr><w:r><w:t xml:space="preserve">编制单位：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'fsr_author')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="封面信息"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='generated') if l_0_generated is missing else l_0_generated), 'date_cn')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="TOCHeading"/><w:pageBreakBefore/><w:jc w:val="center"/></w:pPr><w:r><w:t>目\u3000录</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="toc1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>（目录将在打开文档时更新；如未更新，请右键单击此处并选择“更新域”。）</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'overview')))
    yield '、项目概述</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）项目名称</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">项目名称：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'name')))
    yield '。项目编号：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'code')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）项目建设单位和负责人</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">项目建设单位：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'unit')))
    yield '。行业主管部门：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'competent_department')))
    yield '。项目法人（责任人）：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'legal_person')))
    yield '。联系人：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'contact')))
    yield '，联系电话：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'phone')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）可行性研究报告编制单位</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'fsr_author')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）编制依据</w:t></w:r></w:p>'
    l_1_loop = missing
    for l_1_b, l_1_loop in LoopContext((undefined(name='basis') if l_0_basis is missing else l_0_basis), undefined):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield '. '
        yield escape(environment.finalize(l_1_b))
        yield '</w:t></w:r></w:p>'
    l_1_loop = l_1_b = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（五）项目建设目标、规模、内容和建设期</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">建设目标：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'goals')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">建设内容：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'summary')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">项目性质：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'nature')))
    yield '。建设内容类型：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'content_types')))
    yield '。建设期：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'construction_period')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（六）总投资及资金来源</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">项目总投资估算'
    yield escape(environment.finalize(environment.getattr((undefined(name='investment') if l_0_investment is missing else l_0_investment), 'estimate')))
    yield '。资金来源：'
    yield escape(environment.finalize(environment.getattr((undefined(name='funding') if l_0_funding is missing else l_0_funding), 'source')))
    yield '。'
    yield escape(environment.finalize(environment.getattr((undefined(name='funding') if l_0_funding is missing else l_0_funding), 'detail')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='investment') if l_0_investment is missing else l_0_investment), 'operation_statement')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（七）效益和风险</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：项目建成后的主要效益和主要风险，概述】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（八）主要结论与建议</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：可行性研究的主要结论与建议】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'unit')))
    yield '、项目建设单位概况</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）项目建设单位与职能</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'unit')))
    yield '：【待填写：单位性质、主要职能和内设机构】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）项目实施机构与职责</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：项目实施机构及其职责，项目负责人和技术负责人】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）信息化建设和应用现状</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：已建信息系统、网络、数据资源和应用情况】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'needs')))
    yield '、需求分析和项目建设的必要性</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）与政务职能相关的社会问题和政务目标分析</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：要解决的问题和要达到的政务目标】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）业务功能、业务流程和业务量分析</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：主要业务、业务流程和业务量】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）信息量分析与预测</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：数据种类、数据量及其增长预测】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）系统功能和性能需求分析</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：系统功能需求和性能指标】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（五）项目建设的必要性</w:t></w:r></w:p>\n<w:p><w:r><w:t>对照《大石桥市政务信息化项目管理暂行办法》第六条的项目建设要求，逐项说明如下：</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">1. 符合数字政府总体规划：'
    yield escape(environment.finalize(environment.getattr((undefined(name='reserve') if l_0_reserve is missing else l_0_reserve), 'digital_government_plan')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">2. 符合行业中长期规划：'
    yield escape(environment.finalize(environment.getattr((undefined(name='reserve') if l_0_reserve is missing else l_0_reserve), 'sector_plan')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">3. 利用上级平台、采用集约化建设模式：'
    yield escape(environment.finalize(environment.getattr((undefined(name='reserve') if l_0_reserve is missing else l_0_reserve), 'intensive_mode')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">4. 能够实现数据共享：'
    yield escape(environment.finalize(environment.getattr((undefined(name='reserve') if l_0_reserve is missing else l_0_reserve), 'data_sharing')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'overall')))
    yield '、总体建设方案</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）建设原则</w:t></w:r></w:p>\n<w:p><w:r><w:t>按照《大石桥市政务信息化项目管理暂行办法》第四条，项目建设坚持顶层设计、协同共享、数据回流、安全可靠、适度超前、适配应用的原则，按照清单化、项目化、工程化方式组织实施。</w:t></w:r></w:p>'
    for l_1_r in (undefined(name='principles') if l_0_principles is missing else l_0_principles):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'no')))
        yield '. '
        yield escape(environment.finalize(environment.getattr(l_1_r, 'name')))
        yield '：'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'text')))
        yield '</w:t></w:r></w:p>'
    l_1_r = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）总体目标与分期建设内容</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：总体目标，分期建设内容和本期建设范围】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）总体架构</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：总体架构（业务、应用、数据、技术、安全）及说明】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）部署方案</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'statement')))
    yield '；'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'resource_platform_text')))
    yield '。</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'existing_systems'):
        pass
        yield '\n<w:p><w:r><w:t>已建系统向政务云迁移情况如下：</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>表1\u3000已建系统迁移情况</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="3402"/><w:gridCol w:w="1701"/><w:gridCol w:w="3742"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3402"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>已建系统</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>已在政务云</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3742"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>迁移计划</w:t></w:r></w:p></w:tc></w:tr>'
        for l_1_s in environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'existing_systems'):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3402"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'name')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'on_cloud')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3742"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'migration_plan')))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_s = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（五）系统平台建设</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='platform') if l_0_platform is missing else l_0_platform), 'statement')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（六）共建共享与上级衔接</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='cross_boundary') if l_0_cross_boundary is missing else l_0_cross_boundary), 'applies'):
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">本项目涉及'
        yield escape(environment.finalize(environment.getattr((undefined(name='cross_boundary') if l_0_cross_boundary is missing else l_0_cross_boundary), 'kinds')))
        yield '共建共享，牵头部门为'
        yield escape(environment.finalize(environment.getattr((undefined(name='cross_boundary') if l_0_cross_boundary is missing else l_0_cross_boundary), 'lead_department')))
        yield '。各参建部门的业务流、数据流和系统接口如下。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>表1\u3000参建部门业务流、数据流和系统接口</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="1928"/><w:gridCol w:w="2494"/><w:gridCol w:w="2268"/><w:gridCol w:w="2154"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1928"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>参建部门</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2494"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>业务流</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>数据流</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2154"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>系统接口</w:t></w:r></w:p></w:tc></w:tr>'
        for l_1_r in environment.getattr((undefined(name='cross_boundary') if l_0_cross_boundary is missing else l_0_cross_boundary), 'participants'):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1928"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'department')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2494"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'business_flow')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'data_flow')))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2154"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'interfaces')))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_r = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>'
    else:
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='cross_boundary') if l_0_cross_boundary is missing else l_0_cross_boundary), 'statement')))
        yield '</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='cross_boundary') if l_0_cross_boundary is missing else l_0_cross_boundary), 'upper_level_project'):
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">衔接的上级项目：'
        yield escape(environment.finalize(environment.getattr((undefined(name='cross_boundary') if l_0_cross_boundary is missing else l_0_cross_boundary), 'upper_level_project')))
        yield '。</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'scheme')))
    yield '、本期项目建设方案</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）建设目标、规模与内容</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'summary')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）标准规范建设</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：采用和编制的标准规范】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）信息资源规划和数据库建设</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：信息资源规划、数据库设计和数据治理；数据资源共享见“数据资源共享分析篇”】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）应用支撑系统建设</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：复用的上级支撑平台能力和本期建设的支撑组件】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（五）应用系统建设</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：各应用系统的功能和建设内容】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（六）数据处理和存储系统建设</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">【待填写：'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'compute_need')))
    yield '】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（七）终端系统及接口建设</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：终端设备和外部系统接口】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（八）网络系统建设</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">【待填写：'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'network_need')))
    yield '】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（九）安全系统建设</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'mlps_statement')))
    yield '。安全方案详见“安全可靠情况说明、项目安全方案和密码应用方案”一章。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（十）备份系统建设</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：数据备份和灾备方案】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（十一）运行维护系统建设</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'operation_rule')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：运行维护体系和运维服务方式】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（十二）主要软硬件选型原则和配置清单</w:t></w:r></w:p>\n<w:p><w:r><w:t>选型原则：【待填写：软硬件选型原则】。配置清单见附表1。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'sharing')))
    yield '、数据资源共享分析篇</w:t></w:r></w:p>\n<w:p><w:r><w:t>按照《大石桥市政务信息化项目管理暂行办法》第十一条（一）和《营口市政务信息共享开放管理办法》，本章明确本项目的信息资源目录、数据资源共享清单、共享流程、接口和频率。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）信息资源目录</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'catalog_document'):
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'catalog_document')))
        yield '</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>表1\u3000信息资源目录</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="680"/><w:gridCol w:w="1814"/><w:gridCol w:w="1928"/><w:gridCol w:w="2268"/><w:gridCol w:w="1134"/><w:gridCol w:w="1020"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>信息资源名称</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1928"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>提供部门</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>摘要</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1134"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>共享类型</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1020"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>更新周期</w:t></w:r></w:p></w:tc></w:tr>'
    for l_1_r in environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'catalog'):
        _loop_vars = {}
        pass
        yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'no')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'name')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1928"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'provider')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2268"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'description')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1134"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'share_type')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1020"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'update_frequency')))
        yield '</w:t></w:r></w:p></w:tc></w:tr>'
    l_1_r = missing
    yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）数据资源共享清单</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>表1\u3000数据资源共享清单</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="680"/><w:gridCol w:w="1701"/><w:gridCol w:w="1814"/><w:gridCol w:w="1814"/><w:gridCol w:w="1814"/><w:gridCol w:w="1020"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>数据资源</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>提供方</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>使用方</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>共享接口（方式）</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1020"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>频率</w:t></w:r></w:p></w:tc></w:tr>'
    for l_1_r in environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'sharing_list'):
        _loop_vars = {}
        pass
        yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'no')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'data')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'provider')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'consumer')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1814"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'interface')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1020"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'frequency')))
        yield '</w:t></w:r></w:p></w:tc></w:tr>'
    l_1_r = missing
    yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）共享流程</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'process')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）共享接口</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">本项目采用的共享接口（方式）：'
    yield escape(environment.finalize(environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'interfaces')))
    yield '。【待填写：接口规范、认证和调用方式】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（五）更新和调用频率</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">数据更新或调用频率：'
    yield escape(environment.finalize(environment.getattr((undefined(name='data_sharing') if l_0_data_sharing is missing else l_0_data_sharing), 'frequencies')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（六）接入统一政务信息资源库平台</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">本项目'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'resource_platform_text')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'security')))
    yield '、安全可靠情况说明、项目安全方案和密码应用方案</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）软硬件产品安全可靠情况说明</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'secure_reliable_text')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）项目安全方案</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'mlps_statement')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'scheme_text')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t>按照《大石桥市政务信息化项目管理暂行办法》第六条（五），网络信息安全应当与系统同步设计、同步建设、同步评估、同步验收、同步运行。本项目的“五同步”安排如下：</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>表1\u3000网络信息安全“五同步”</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="2041"/><w:gridCol w:w="1361"/><w:gridCol w:w="1361"/><w:gridCol w:w="1361"/><w:gridCol w:w="1361"/><w:gridCol w:w="1361"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2041"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>领域</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>同步设计</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>同步建设</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>同步评估</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>同步验收</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>同步运行</w:t></w:r></w:p></w:tc></w:tr>'
    for l_1_r in environment.getattr((undefined(name='reserve') if l_0_reserve is missing else l_0_reserve), 'five_synchronous'):
        _loop_vars = {}
        pass
        yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2041"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'domain')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'design')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'build')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'assess')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'accept')))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1361"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr(l_1_r, 'operate')))
        yield '</w:t></w:r></w:p></w:tc></w:tr>'
    l_1_r = missing
    yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）密码应用方案</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'crypto_plan_text')))
    yield '</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">按照《大石桥市政务信息化项目管理暂行办法》第十二条，密码应用方案由市国家密码管理局进行合法性审核。审核情况：'
    yield escape(environment.finalize(environment.getattr((undefined(name='security') if l_0_security is missing else l_0_security), 'crypto_review')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'tender')))
    yield '、项目招标方案</w:t></w:r></w:p>\n<w:p><w:r><w:t>按照《大石桥市政务信息化项目管理暂行办法》第十四条，项目依法依规履行政府采购或招投标程序，中标单位不得转让或肢解转让中标项目。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）招标范围</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：招标（采购）范围和标段划分】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）招标方式和组织形式</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：采购方式及理由，组织形式（自行或委托代理）】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）建设监理</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：监理范围和选择方式】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'environment')))
    yield '、环保、消防、职业安全卫生和节能</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）环境保护</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：环境保护措施】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）消防</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：消防措施】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）职业安全卫生</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：职业安全卫生措施】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）节能</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：节能措施】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'organization')))
    yield '、项目组织机构和人员培训</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）领导和管理机构</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">按照《大石桥市政务信息化项目管理暂行办法》第十三条，项目实行项目法人责任制、招标投标制、建设监理制和合同管理制。项目法人（责任人）：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'legal_person')))
    yield '。【待填写：领导小组和管理机构】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）项目实施机构</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：项目实施机构、职责和管理制度】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）运行维护机构</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：运行维护机构和人员】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）人员培训</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：培训对象、内容、方式和计划】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'schedule')))
    yield '、项目实施进度</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">项目建设期'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'construction_period')))
    yield '。</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：实施进度计划（阶段、里程碑和时间）】</w:t></w:r></w:p>\n<w:p><w:r><w:t>按照《大石桥市政务信息化项目管理暂行办法》第十六条，自项目批复之日起至验收备案之日止，项目单位每3个月向市数据局报送项目实施进展情况。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'investment')))
    yield '、投资估算和资金来源</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）投资估算的有关说明</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：估算依据和编制方法】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）项目总投资估算</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">项目总投资估算'
    yield escape(environment.finalize(environment.getattr((undefined(name='investment') if l_0_investment is missing else l_0_investment), 'estimate')))
    yield '，详见附表2。</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）资金来源与落实情况</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">资金来源：'
    yield escape(environment.finalize(environment.getattr((undefined(name='funding') if l_0_funding is missing else l_0_funding), 'source')))
    yield '。'
    yield escape(environment.finalize(environment.getattr((undefined(name='funding') if l_0_funding is missing else l_0_funding), 'detail')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）资金使用计划</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：分年度资金使用计划】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（五）项目运行维护经费估算</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='investment') if l_0_investment is missing else l_0_investment), 'operation_statement')))
    yield '。【待填写：测算依据】</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='service_purchase') if l_0_service_purchase is missing else l_0_service_purchase), 'unknown'):
        pass
        yield '\n<w:p><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='service_purchase') if l_0_service_purchase is missing else l_0_service_purchase), 'unknown')))
        yield '</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='service_purchase') if l_0_service_purchase is missing else l_0_service_purchase), 'used'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'purchase')))
        yield '、自建与购买服务方式经济性比较分析</w:t></w:r></w:p>\n<w:p><w:r><w:t>本项目涉及政府购买服务，按照《大石桥市政务信息化项目管理暂行办法》第十一条（二）比较自建和购买服务两种方式的经济性。</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='service_purchase') if l_0_service_purchase is missing else l_0_service_purchase), 'comparison_ref'):
            pass
            yield '\n<w:p><w:r><w:t xml:space="preserve">比较分析材料见'
            yield escape(environment.finalize(environment.getattr((undefined(name='service_purchase') if l_0_service_purchase is missing else l_0_service_purchase), 'comparison_ref')))
            yield '。</w:t></w:r></w:p>'
        yield '\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）购买服务的内容和方式</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：拟购买的服务内容、服务标准和期限】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）自建方式成本测算</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：自建方式的建设、运维和人员成本（全生命周期）】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）购买服务方式成本测算</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：购买服务方式的年度费用和全生命周期成本】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（四）比较结论</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：经济性比较结论和选择的方式】</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'benefits')))
    yield '、效益与评价指标分析</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）社会效益分析</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：社会效益】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）经济效益分析</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：经济效益】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（三）评价指标</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space="preserve">项目建设目标：'
    yield escape(environment.finalize(environment.getattr((undefined(name='project') if l_0_project is missing else l_0_project), 'goals_lead')))
    yield '【待填写：可量化的绩效评价指标】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='ch') if l_0_ch is missing else l_0_ch), 'risks')))
    yield '、项目风险与风险管理</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（一）风险识别和分析</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：技术、管理、资金、数据安全等风险】</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）风险对策和管理</w:t></w:r></w:p>\n<w:p><w:r><w:t>【待填写：风险对策和管理措施】</w:t></w:r></w:p>'
    if (undefined(name='attachments') if l_0_attachments is missing else l_0_attachments):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="顶格正文"/></w:pPr></w:p>'
        for l_1_a in (undefined(name='attachments') if l_0_attachments is missing else l_0_attachments):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="附件说明"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.finalize(environment.getattr(l_1_a, 'lead')))
            yield escape(environment.finalize(environment.getattr(l_1_a, 'label')))
            yield '</w:t></w:r></w:p>'
        l_1_a = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/></w:pPr><w:r><w:t>附表</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>附表1\u3000主要软硬件配置清单</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="680"/><w:gridCol w:w="1701"/><w:gridCol w:w="2154"/><w:gridCol w:w="680"/><w:gridCol w:w="680"/><w:gridCol w:w="1474"/><w:gridCol w:w="1474"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>名称</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2154"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>主要功能或规格</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>单位</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>数量</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1474"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>金额</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1474"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（五号）"/></w:pPr><w:r><w:t>安全可靠情况</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2154"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1474"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1474"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/><w:jc w:val="center"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2154"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="680"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1474"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1474"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（五号）"/></w:pPr><w:r/></w:p></w:tc></w:tr></w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="表题"/></w:pPr><w:r><w:t>附表2\u3000总投资估算表</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="794"/><w:gridCol w:w="3175"/><w:gridCol w:w="3175"/><w:gridCol w:w="1701"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>费用名称</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>金额</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格表头（小四）"/></w:pPr><w:r><w:t>说明</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t>一</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>硬件购置费</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r/></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t>二</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>软件开发费</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r/></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t>三</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>系统集成费</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r/></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t>四</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='deployment') if l_0_deployment is missing else l_0_deployment), 'resource_fee')))
    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r/></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t>五</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>其他费用（监理、测评、密评、咨询等）</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r/></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r><w:t>六</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>预备费</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>【待填写】</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r/></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="794"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/><w:jc w:val="center"/></w:pPr><w:r/></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="3175"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.finalize(environment.getattr((undefined(name='investment') if l_0_investment is missing else l_0_investment), 'estimate')))
    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1701"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="表格正文（小四）"/></w:pPr><w:r/></w:p></w:tc></w:tr></w:tbl>\n<w:p><w:pPr><w:pStyle w:val="表后空行"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="说明文字"/></w:pPr><w:r><w:t>注：金额以万元表示，括号内为精确到元的金额。</w:t></w:r></w:p><w:sectPr w:rsidR="00FC693F" w:rsidRPr="0006063C" w:rsidSect="00034616"><w:footerReference w:type="default" r:id="rId9"/><w:footerReference w:type="even" r:id="rId10"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="850" w:footer="1191" w:gutter="0"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/></w:sectPr></w:body>'

blocks = {}
debug_info = '6=27&14=29&15=31&16=33&19=35&21=37&23=41&25=51&26=54&27=58&29=64&30=66&31=68&33=74&34=80&39=82&41=84&46=86&57=88&58=90&59=92&60=94&61=96&63=98&64=102&70=110&75=117&76=121&77=123&78=125&81=130&82=132&83=135&88=139&89=143&90=145&91=147&92=149&94=156&95=161&96=164&98=166&108=168&112=170&114=172&118=174&122=176&124=178&125=181&132=184&133=188&134=190&135=192&136=194&137=196&138=198&147=202&148=206&149=208&150=210&151=212&152=214&153=216&156=220&158=222&160=224&162=226&163=228&165=230&167=232&168=234&176=236&177=240&178=242&179=244&180=246&181=248&182=250&185=254&186=256&187=258&195=260&204=262&206=264&213=266&214=268&217=270&221=272&223=274&227=278&228=283&229=288&230=290&231=293&240=297&246=299&247=301&251=303&252=306&253=310&296=315&309=317'